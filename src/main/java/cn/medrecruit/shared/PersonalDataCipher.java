package cn.medrecruit.shared;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest (AES-256-GCM) and derives keyed hashes so encrypted
 * values can still be looked up by exact match.
 */
public final class PersonalDataCipher {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // Leading format byte so the scheme can change without guessing how old values were written.
    private static final byte VERSION = 1;
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;

    public PersonalDataCipher(byte[] encryptionKey, byte[] lookupKey) {
        this.encryptionKey = new SecretKeySpec(requireKeyLength(encryptionKey, "encryption key"), "AES");
        this.lookupKey = new SecretKeySpec(requireKeyLength(lookupKey, "lookup key"), HMAC_SHA256);
    }

    public static PersonalDataCipher fromBase64Keys(String encryptionKey, String lookupKey) {
        return new PersonalDataCipher(decodeKey(encryptionKey, "encryption key"), decodeKey(lookupKey, "lookup key"));
    }

    public static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(UTF_8));
            byte[] out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException if the value is malformed, was altered or was encrypted with another key */
    public String decrypt(String encrypted) {
        if (encrypted == null) {
            return null;
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Encrypted value is not valid base64", e);
        }
        if (data.length < 1 + IV_BYTES + TAG_BITS / 8 || data[0] != VERSION) {
            throw new IllegalStateException("Encrypted value has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, data, 1, IV_BYTES));
            byte[] plain = cipher.doFinal(data, 1 + IV_BYTES, data.length - 1 - IV_BYTES);
            return new String(plain, UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypted value failed authentication", e);
        }
    }

    /** Hex HMAC-SHA256; callers normalize first so equal values always hash alike. */
    public String lookupHash(String normalized) {
        if (normalized == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    private static byte[] decodeKey(String base64, String name) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("The " + name + " is missing; expected " + KEY_BYTES + " bytes in base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message names the offending key character.
            throw new IllegalArgumentException("The " + name + " is not valid base64");
        }
        return requireKeyLength(decoded, name);
    }

    private static byte[] requireKeyLength(byte[] key, String name) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The " + name + " must be exactly " + KEY_BYTES + " bytes but was "
                    + (key == null ? "missing" : key.length + " bytes"));
        }
        return key;
    }
}
