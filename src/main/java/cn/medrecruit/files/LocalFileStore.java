package cn.medrecruit.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Files under one local directory: the default for a single node. Every key is resolved against the root and refused
 * when the result (or, once it exists, its real path) lies outside the root.
 */
public class LocalFileStore implements FileStore {

	private final Path root;

	public LocalFileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			checkInsideRoot(target.getParent().toRealPath());
			// Written beside the target and moved into place, so a reader never sees half a file.
			Path temporary = target.resolveSibling(".upload-" + UUID.randomUUID() + ".tmp");
			try {
				Files.write(temporary, content);
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + key, e);
		}
	}

	@Override
	public InputStream open(String key) {
		Path path = resolve(key);
		try {
			if (!Files.isRegularFile(path)) {
				throw new NoSuchFileException(key);
			}
			checkInsideRoot(path.toRealPath());
			return Files.newInputStream(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + key, e);
		}
	}

	@Override
	public void delete(String key) {
		Path path = resolve(key);
		try {
			if (Files.exists(path)) {
				checkInsideRoot(path.toRealPath());
			}
			Files.deleteIfExists(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot delete " + key, e);
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(resolve(key));
	}

	Path resolve(String key) {
		Path path = root.resolve(StorageKeys.check(key)).normalize();
		if (!path.startsWith(root) || path.equals(root)) {
			throw new IllegalArgumentException("Key leaves the file store: " + key);
		}
		return path;
	}

	/** A symbolic link inside the root must not lead out of it. */
	private void checkInsideRoot(Path realPath) throws IOException {
		Path realRoot = Files.exists(root) ? root.toRealPath() : root;
		if (!realPath.startsWith(realRoot)) {
			throw new IllegalArgumentException("Path leaves the file store: " + realPath);
		}
	}
}
