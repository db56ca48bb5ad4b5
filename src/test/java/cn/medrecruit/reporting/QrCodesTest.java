package cn.medrecruit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodesTest {

	@Test
	void thePngDecodesToTheText() throws Exception {
		byte[] png = QrCodes.png("FJ-2026-000123 张三", 200);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(200);
		assertThat(image.getHeight()).isEqualTo(200);
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(decoded).isEqualTo("FJ-2026-000123 张三");
	}

	@Test
	void emptyTextOrATinySizeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png("", 200));
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png("x", 10));
	}

	@Test
	void dataUrisCarryTheTypeReadFromTheBytes() {
		byte[] png = QrCodes.png("x", 50);
		assertThat(QrCodes.dataUri("x", 50)).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));

		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10 };
		assertThat(PdfImages.dataUri(jpeg)).startsWith("data:image/jpeg;base64,");
		assertThatIllegalArgumentException().isThrownBy(() -> PdfImages.dataUri("<svg/>".getBytes()));
		assertThatIllegalArgumentException().isThrownBy(() -> PdfImages.dataUri(null));
	}
}
