package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptchaImagesTest {

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }

    private static boolean isTextPixel(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r <= 110 && g <= 110 && b <= 110;
    }

    @Test
    void randomTextIsFourCharactersFromTheUnambiguousAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String text = CaptchaImages.randomText(random);
            assertThat(text).matches("[2-9A-HJ-NP-Z]{4}");
            text.chars().forEach(c -> seen.add((char) c));
        }
        Set<Character> alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".chars()
                .mapToObj(c -> (char) c).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(alphabet);
    }

    @Test
    void pngDecodesTo120By40() throws IOException {
        byte[] png = CaptchaImages.png("A7K3");

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(image.getHeight()).isEqualTo(40);
    }

    @Test
    void everyCharacterIsDrawnInItsOwnSlot() throws IOException {
        BufferedImage image = decode(CaptchaImages.png("WXYZ"));

        for (int slot = 0; slot < 4; slot++) {
            int centre = 24 * (slot + 1);
            int textPixels = 0;
            for (int x = centre - 8; x <= centre + 8; x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    if (isTextPixel(image.getRGB(x, y))) {
                        textPixels++;
                    }
                }
            }
            assertThat(textPixels).as("dark pixels around character %d", slot).isGreaterThan(20);
        }
    }

    @Test
    void marginsHaveNoText() throws IOException {
        BufferedImage image = decode(CaptchaImages.png("WXYZ"));

        for (int y = 0; y < image.getHeight(); y++) {
            for (int x : new int[] {0, 1, 2, 117, 118, 119}) {
                assertThat(isTextPixel(image.getRGB(x, y))).as("pixel %d,%d", x, y).isFalse();
            }
        }
    }

    @Test
    void noiseAndRotationMakeEachRenderingDifferent() {
        Set<String> renderings = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            renderings.add(Base64.getEncoder().encodeToString(CaptchaImages.png("A7K3")));
        }
        assertThat(renderings).hasSizeGreaterThan(1);
    }

    @Test
    void rendersRandomTexts() throws IOException {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            BufferedImage image = decode(CaptchaImages.png(CaptchaImages.randomText(random)));
            assertThat(image.getWidth()).isEqualTo(120);
            assertThat(image.getHeight()).isEqualTo(40);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "ABCDEFG")
    void rejectsTextThatDoesNotFit(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CaptchaImages.png(text));
    }
}
