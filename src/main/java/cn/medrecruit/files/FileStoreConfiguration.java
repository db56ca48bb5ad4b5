package cn.medrecruit.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.medrecruit.shared.PlatformProperties;

/** Chooses the file store: the local directory unless {@code medrecruit.files.store=s3}. */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FileStoreConfiguration.class);

	@Bean
	FileStore fileStore(FilesProperties files, PlatformProperties platform) {
		if (files.store() == FilesProperties.Store.S3) {
			log.info("Uploaded files are kept in the S3 bucket {} ({})", files.s3().bucket(),
					files.s3().endpoint() == null ? "AWS" : files.s3().endpoint());
			return S3FileStore.create(files.s3());
		}
		LocalFileStore store = new LocalFileStore(
				files.localDir() != null ? files.localDir() : platform.dataDir().resolve("files"));
		log.info("Uploaded files are kept in {}", store.root());
		return store;
	}
}
