package cn.medrecruit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The text of a PDF as poppler's {@code pdftotext} reads it, as a person copying from the document would get it.
 * Without the binary the calling test is skipped loudly, or fails when {@code -Dmedrecruit.pdftotext=required}.
 */
public final class PdfText {

	private PdfText() {
	}

	public static String of(byte[] pdf) throws IOException, InterruptedException {
		Path file = Files.createTempFile("medrecruit-", ".pdf");
		try {
			Files.write(file, pdf);
			Process process;
			try {
				process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true)
					.start();
			}
			catch (IOException missing) {
				if ("required".equals(System.getProperty("medrecruit.pdftotext"))) {
					return fail("pdftotext is missing: apt-get install -y poppler-utils (.ci/run installs it)", missing);
				}
				System.err.println("""

						*****************************************************************************
						*  PDF TEXT CHECKS SKIPPED: pdftotext not found.
						*  Install it with apt-get install poppler-utils. CI requires it.
						*****************************************************************************
						""");
				Assumptions.abort("pdftotext not found");
				throw new IllegalStateException("unreachable");
			}
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdftotext finished").isTrue();
			assertThat(process.exitValue()).as("pdftotext exit code, output: %s", text).isZero();
			return text;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
