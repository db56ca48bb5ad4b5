package cn.medrecruit.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keys for personal data come from configuration. Without configured keys a single node generates its own into the
 * data directory on first start; a cluster must configure the same keys on every node.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(PlatformProperties properties) {
		PlatformProperties.Crypto crypto = properties.crypto();
		if (crypto.encryptionKey() != null && crypto.lookupKey() != null) {
			return PersonalDataCipher.fromBase64Keys(crypto.encryptionKey(), crypto.lookupKey());
		}
		Path keyFile = properties.dataDir().resolve("keys").resolve("personal-data.keys");
		List<String> keys = readOrCreate(keyFile);
		return PersonalDataCipher.fromBase64Keys(keys.get(0), keys.get(1));
	}

	private static List<String> readOrCreate(Path keyFile) {
		try {
			if (!Files.exists(keyFile)) {
				Files.createDirectories(keyFile.getParent());
				Base64.Encoder encoder = Base64.getEncoder();
				String content = encoder.encodeToString(PersonalDataCipher.randomKey()) + "\n"
						+ encoder.encodeToString(PersonalDataCipher.randomKey()) + "\n";
				Files.writeString(keyFile, content, StandardCharsets.US_ASCII);
				restrictToOwner(keyFile);
				log.warn("Generated personal-data keys at {}. Back this file up; configure medrecruit.crypto.* on clusters.",
						keyFile.toAbsolutePath());
			}
			List<String> lines = Files.readAllLines(keyFile, StandardCharsets.US_ASCII);
			if (lines.size() < 2) {
				throw new IllegalStateException("Key file " + keyFile + " must hold two base64 keys, one per line");
			}
			return lines;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
		}
	}
}
