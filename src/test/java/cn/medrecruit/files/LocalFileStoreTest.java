package cn.medrecruit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest {

	@TempDir
	Path directory;

	@Test
	void putOpenExistsDelete() throws IOException {
		LocalFileStore store = new LocalFileStore(directory.resolve("files"));
		byte[] content = "content".getBytes(StandardCharsets.UTF_8);

		store.put("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg", content, "image/jpeg");

		assertThat(store.exists("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg")).isTrue();
		try (InputStream in = store.open("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg")) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(directory.resolve("files/2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg")).hasBinaryContent(content);
		try (Stream<Path> files = Files.walk(directory)) {
			assertThat(files.filter(Files::isRegularFile).count()).as("no temporary file left").isEqualTo(1);
		}
		store.delete("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg");
		store.delete("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg");
		assertThat(store.exists("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg")).isFalse();
		assertThatThrownBy(() -> store.open("2026/11/0b6c2a5e-0000-4000-8000-000000000001.jpg"))
			.isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
	}

	@Test
	void keysThatCouldLeaveTheRootAreRefused() {
		LocalFileStore store = new LocalFileStore(directory.resolve("files"));
		byte[] content = { 1 };

		for (String key : new String[] { "../x.jpg", "2026/../../x.jpg", "/etc/passwd", "a/./b", "a//b", "",
				"..", "a\\..\\..\\x", "C:/x", ".hidden", "a/b/" }) {
			assertThatThrownBy(() -> store.put(key, content, "image/jpeg")).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> store.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> store.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(directory.resolve("x.jpg")).doesNotExist();
	}

	@Test
	void aSymbolicLinkInsideTheRootCannotLeadOut() throws IOException {
		Path root = Files.createDirectories(directory.resolve("files"));
		Path outside = Files.createDirectories(directory.resolve("outside"));
		Files.writeString(outside.resolve("secret.jpg"), "secret");
		Files.createSymbolicLink(root.resolve("2026"), outside);
		LocalFileStore store = new LocalFileStore(root);

		assertThatThrownBy(() -> store.open("2026/secret.jpg")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.put("2026/new.jpg", new byte[] { 1 }, "image/jpeg"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(outside.resolve("new.jpg")).doesNotExist();
	}
}
