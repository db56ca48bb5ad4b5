package cn.medrecruit.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

	@Test
	void directoriesAreDropped() {
		assertThat(DisplayNames.sanitise("../../x.jpg", "image/jpeg")).isEqualTo("x.jpg");
		assertThat(DisplayNames.sanitise("..\\..\\windows\\system32\\x.jpg", "image/jpeg")).isEqualTo("x.jpg");
		assertThat(DisplayNames.sanitise("/etc/passwd", "image/png")).isEqualTo("passwd.png");
		assertThat(DisplayNames.sanitise("..", "image/png")).isEqualTo("file.png");
	}

	@Test
	void theExtensionFollowsTheStoredContent() {
		assertThat(DisplayNames.sanitise("照片.jpg", "image/png")).isEqualTo("照片.png");
		assertThat(DisplayNames.sanitise("扫描件.BMP", "image/png")).isEqualTo("扫描件.png");
		assertThat(DisplayNames.sanitise("photo.JPEG", "image/jpeg")).isEqualTo("photo.jpeg");
		assertThat(DisplayNames.sanitise("证书.pdf.html", "application/pdf")).isEqualTo("证书.pdf.pdf");
		assertThat(DisplayNames.sanitise(null, "image/jpeg")).isEqualTo("file.jpg");
		assertThat(DisplayNames.sanitise("   ", "application/pdf")).isEqualTo("file.pdf");
	}

	@Test
	void controlAndBidiCharactersAndReservedPunctuationAreRemoved() {
		assertThat(DisplayNames.sanitise("a\u202Egpj.exe", "image/jpeg")).isEqualTo("agpj.jpg");
		assertThat(DisplayNames.sanitise("a\r\nb<script>\".jpg", "image/jpeg")).isEqualTo("abscript.jpg");
		assertThat(DisplayNames.sanitise(".htaccess", "image/png")).isEqualTo("htaccess.png");
	}

	@Test
	void longNamesAreCut() {
		String name = DisplayNames.sanitise("身".repeat(300) + ".jpg", "image/jpeg");
		assertThat(name).isEqualTo("身".repeat(80) + ".jpg");
	}

	@Test
	void sizesReadForPeople() {
		assertThat(FileSizes.up(3_250_230)).isEqualTo("3.1 MB");
		assertThat(FileSizes.up(3L * 1024 * 1024 + 1)).isEqualTo("3.1 MB");
		assertThat(FileSizes.down(3L * 1024 * 1024)).isEqualTo("3 MB");
		assertThat(FileSizes.down(100L * 1024 * 1024 - 1)).isEqualTo("99.9 MB");
		assertThat(FileSizes.down(1536)).isEqualTo("1.5 KB");
		assertThat(FileSizes.down(0)).isEqualTo("0 B");
	}
}
