package cn.medrecruit.profile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Whether a photo has the white background the programs ask for: the strip along the top and the upper sides, where
 * a head-and-shoulders photo shows only background, must be nearly all white. Call only with bytes the files module
 * has already accepted, so that their size has been checked before decoding.
 */
final class PhotoBackground {

	private static final double MARGIN = 0.06;
	private static final double WHITE_SHARE = 0.9;
	private static final int MIN_CHANNEL = 220;
	private static final int MAX_SPREAD = 30;

	private PhotoBackground() {
	}

	static boolean isWhite(byte[] image) {
		BufferedImage photo;
		try {
			photo = ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException unreadable) {
			return false;
		}
		if (photo == null) {
			return false;
		}
		int width = photo.getWidth();
		int height = photo.getHeight();
		int marginX = Math.max(1, (int) (width * MARGIN));
		int marginY = Math.max(1, (int) (height * MARGIN));
		int sampled = 0;
		int white = 0;
		for (int y = 0; y < height / 2; y++) {
			for (int x = 0; x < width; x++) {
				boolean border = y < marginY || x < marginX || x >= width - marginX;
				if (border) {
					sampled++;
					white += isWhite(photo.getRGB(x, y)) ? 1 : 0;
				}
			}
		}
		return sampled > 0 && white >= sampled * WHITE_SHARE;
	}

	private static boolean isWhite(int rgb) {
		int red = (rgb >> 16) & 0xFF;
		int green = (rgb >> 8) & 0xFF;
		int blue = rgb & 0xFF;
		int min = Math.min(red, Math.min(green, blue));
		int max = Math.max(red, Math.max(green, blue));
		return min >= MIN_CHANNEL && max - min <= MAX_SPREAD;
	}
}
