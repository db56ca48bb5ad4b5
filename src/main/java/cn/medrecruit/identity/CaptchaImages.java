package cn.medrecruit.identity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/** Text and PNG rendering for login captchas. */
public final class CaptchaImages {

    public static final int WIDTH = 120;
    public static final int HEIGHT = 40;

    private static final int TEXT_LENGTH = 4;
    private static final int MAX_RENDERED_LENGTH = 6;
    // Without 0, 1, I and O, which users confuse with each other.
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int NOISE_LINES = 6;
    private static final int MAX_ROTATION_DEGREES = 15;

    private CaptchaImages() {
    }

    public static String randomText(SecureRandom random) {
        char[] text = new char[TEXT_LENGTH];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(text);
    }

    public static byte[] png(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_RENDERED_LENGTH) {
            throw new IllegalArgumentException("Captcha text must have 1 to " + MAX_RENDERED_LENGTH + " characters");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, text);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode captcha PNG", e);
        }
        return out.toByteArray();
    }

    // Noise only needs to vary, not be unpredictable: the secret is the text, which comes from SecureRandom.
    private static void draw(Graphics2D g, String text) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(245, 247, 250));
        g.fillRect(0, 0, WIDTH, HEIGHT);

        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < NOISE_LINES; i++) {
            g.setColor(color(random, 150, 210));
            g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        FontMetrics metrics = g.getFontMetrics();
        int slot = WIDTH / (text.length() + 1);
        int baseline = (HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2;
        for (int i = 0; i < text.length(); i++) {
            String glyph = String.valueOf(text.charAt(i));
            int centreX = slot * (i + 1);
            AffineTransform upright = g.getTransform();
            g.rotate(Math.toRadians(random.nextInt(-MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES + 1)), centreX, HEIGHT / 2.0);
            g.setColor(color(random, 20, 100));
            g.drawString(glyph, centreX - metrics.stringWidth(glyph) / 2, baseline);
            g.setTransform(upright);
        }
    }

    private static Color color(ThreadLocalRandom random, int min, int max) {
        return new Color(random.nextInt(min, max + 1), random.nextInt(min, max + 1), random.nextInt(min, max + 1));
    }
}
