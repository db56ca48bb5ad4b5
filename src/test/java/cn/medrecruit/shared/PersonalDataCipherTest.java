package cn.medrecruit.shared;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {

    private static final byte[] ENCRYPTION_KEY = bytesFrom(100);
    private static final byte[] LOOKUP_KEY = bytesFrom(0);
    private static final String ENCRYPTION_KEY_BASE64 = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
    private static final String LOOKUP_KEY_BASE64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final PersonalDataCipher cipher = new PersonalDataCipher(ENCRYPTION_KEY, LOOKUP_KEY);

    private static byte[] bytesFrom(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "350111199909090905", "张伟", "福建省福州市鼓楼区 😀 line\nbreak"})
    void decryptReturnsWhatWasEncrypted(String plain) {
        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.lookupHash(null)).isNull();
    }

    @Test
    void encryptingTheSameTextTwiceGivesDifferentValues() {
        String first = cipher.encrypt("350111199909090905");
        String second = cipher.encrypt("350111199909090905");

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(Base64.getDecoder().decode(first), 1, 13))
                .isNotEqualTo(Arrays.copyOfRange(Base64.getDecoder().decode(second), 1, 13));
    }

    @Test
    void ivsDoNotRepeatAcrossManyEncryptions() {
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] data = Base64.getDecoder().decode(cipher.encrypt("x"));
            ivs.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(data, 1, 13)));
        }
        assertThat(ivs).hasSize(1_000);
    }

    @Test
    void outputIsVersionThenIvThenCiphertextWithTag() {
        String plain = "张伟";
        byte[] data = Base64.getDecoder().decode(cipher.encrypt(plain));

        assertThat(data[0]).isEqualTo((byte) 1);
        assertThat(data).hasSize(1 + 12 + plain.getBytes(UTF_8).length + 16);
    }

    @Test
    void decryptsAValueProducedByAnotherAesGcmImplementation() {
        // Python "cryptography" AESGCM, key bytes 100..131, IV bytes 0..11, layout 0x01 | iv | ciphertext+tag
        String fromPython = "AQABAgMEBQYHCAkKC3gNt6kK0yRRH/oiW3A/NFdlrR2jGDPhFfUj0DJm3HLRhQf+5x0uY42g4QEHOIQWlfhGFVaV";

        assertThat(cipher.decrypt(fromPython)).isEqualTo("福州市鼓楼区 350102199503151230");
    }

    @Test
    void changingAnySingleByteIsDetected() {
        byte[] data = Base64.getDecoder().decode(cipher.encrypt("350111199909090905"));
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            String value = Base64.getEncoder().encodeToString(tampered);
            assertThatIllegalStateException().as("byte %d", i).isThrownBy(() -> cipher.decrypt(value));
        }
    }

    @Test
    void truncatedValuesAreRejected() {
        byte[] data = Base64.getDecoder().decode(cipher.encrypt("350111199909090905"));
        for (int length : new int[] {0, 1, 13, 28, data.length - 1}) {
            String value = Base64.getEncoder().encodeToString(Arrays.copyOf(data, length));
            assertThatIllegalStateException().as("length %d", length).isThrownBy(() -> cipher.decrypt(value));
        }
    }

    @Test
    void notBase64IsRejected() {
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("not base64!"))
                .withMessageContaining("base64");
    }

    @Test
    void anotherEncryptionKeyCannotDecrypt() {
        PersonalDataCipher other = new PersonalDataCipher(PersonalDataCipher.randomKey(), LOOKUP_KEY);
        String encrypted = cipher.encrypt("张伟");

        assertThatIllegalStateException().isThrownBy(() -> other.decrypt(encrypted));
    }

    @Test
    void lookupHashIsHexHmacSha256WithTheLookupKey() {
        // expected values from Python hmac with key bytes 0..31
        assertThat(cipher.lookupHash("350111199909090905"))
                .isEqualTo("1d3459324eaa5a61b71c7ae6cf7fb52ed1a61a5980a6e16bbed21b7502ad0402");
        assertThat(cipher.lookupHash("张伟"))
                .isEqualTo("f166b29bcd89c3497597ad0de717dc16d217e9e7a579dab4563a280e5c49c277");
    }

    @Test
    void lookupHashIsStable() {
        PersonalDataCipher sameKeys = new PersonalDataCipher(ENCRYPTION_KEY.clone(), LOOKUP_KEY.clone());

        assertThat(cipher.lookupHash("350111199909090905"))
                .hasSize(64)
                .matches("[0-9a-f]{64}")
                .isEqualTo(cipher.lookupHash("350111199909090905"))
                .isEqualTo(sameKeys.lookupHash("350111199909090905"));
    }

    @Test
    void lookupHashDependsOnTheLookupKeyOnly() {
        PersonalDataCipher otherLookup = new PersonalDataCipher(ENCRYPTION_KEY, PersonalDataCipher.randomKey());
        PersonalDataCipher otherEncryption = new PersonalDataCipher(PersonalDataCipher.randomKey(), LOOKUP_KEY);

        assertThat(otherLookup.lookupHash("350111199909090905")).isNotEqualTo(cipher.lookupHash("350111199909090905"));
        assertThat(otherEncryption.lookupHash("350111199909090905")).isEqualTo(cipher.lookupHash("350111199909090905"));
    }

    @Test
    void lookupHashDiffersPerValue() {
        assertThat(cipher.lookupHash("350111199909090905")).isNotEqualTo(cipher.lookupHash("350102199503151230"));
    }

    @Test
    void laterChangesToTheKeyArraysDoNotAffectTheCipher() {
        byte[] encryptionKey = ENCRYPTION_KEY.clone();
        byte[] lookupKey = LOOKUP_KEY.clone();
        PersonalDataCipher own = new PersonalDataCipher(encryptionKey, lookupKey);
        String encrypted = own.encrypt("张伟");
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(lookupKey, (byte) 0);

        assertThat(own.decrypt(encrypted)).isEqualTo("张伟");
        assertThat(own.lookupHash("张伟")).isEqualTo(cipher.lookupHash("张伟"));
    }

    @Test
    void fromBase64KeysUsesTheDecodedKeys() {
        PersonalDataCipher fromConfig = PersonalDataCipher.fromBase64Keys(ENCRYPTION_KEY_BASE64, LOOKUP_KEY_BASE64);

        assertThat(fromConfig.decrypt(cipher.encrypt("张伟"))).isEqualTo("张伟");
        assertThat(fromConfig.lookupHash("张伟")).isEqualTo(cipher.lookupHash("张伟"));
    }

    @Test
    void fromBase64KeysIgnoresSurroundingWhitespace() {
        PersonalDataCipher fromConfig =
                PersonalDataCipher.fromBase64Keys(" " + ENCRYPTION_KEY_BASE64 + "\n", LOOKUP_KEY_BASE64 + " ");

        assertThat(fromConfig.lookupHash("张伟")).isEqualTo(cipher.lookupHash("张伟"));
    }

    @Test
    void fromBase64KeysRejectsWrongLengths() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        String thirtyThreeBytes = Base64.getEncoder().encodeToString(new byte[33]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalDataCipher.fromBase64Keys(sixteenBytes, LOOKUP_KEY_BASE64))
                .withMessage("The encryption key must be exactly 32 bytes but was 16 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalDataCipher.fromBase64Keys(ENCRYPTION_KEY_BASE64, thirtyThreeBytes))
                .withMessage("The lookup key must be exactly 32 bytes but was 33 bytes");
    }

    @Test
    void fromBase64KeysRejectsMissingKeys() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalDataCipher.fromBase64Keys(null, LOOKUP_KEY_BASE64))
                .withMessage("The encryption key is missing; expected 32 bytes in base64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalDataCipher.fromBase64Keys(ENCRYPTION_KEY_BASE64, "  "))
                .withMessage("The lookup key is missing; expected 32 bytes in base64");
    }

    @Test
    void fromBase64KeysRejectsInvalidBase64WithoutEchoingIt() {
        String secretLooking = "s3cr3t-k3y-v@lue";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalDataCipher.fromBase64Keys(secretLooking, LOOKUP_KEY_BASE64))
                .withMessage("The encryption key is not valid base64")
                .withNoCause();
    }

    @Test
    void constructorRejectsWrongKeyLengths() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonalDataCipher(new byte[31], LOOKUP_KEY))
                .withMessage("The encryption key must be exactly 32 bytes but was 31 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonalDataCipher(ENCRYPTION_KEY, null))
                .withMessage("The lookup key must be exactly 32 bytes but was missing");
    }

    @Test
    void randomKeysAreThirtyTwoFreshBytes() {
        byte[] first = PersonalDataCipher.randomKey();
        byte[] second = PersonalDataCipher.randomKey();

        assertThat(first).hasSize(32);
        assertThat(second).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }
}
