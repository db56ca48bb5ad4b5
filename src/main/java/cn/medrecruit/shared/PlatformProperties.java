package cn.medrecruit.shared;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings that several modules read.
 *
 * @param dataDir where the embedded database, uploaded files and generated keys live
 * @param timeZone the zone in which windows, dates and "today" are understood
 * @param crypto keys for personal data; generated into {@code dataDir} on first start when not configured
 * @param demo {@code forceOnExternalDatabase} lets the test suite load demo data into PostgreSQL
 */
@ConfigurationProperties("medrecruit")
public record PlatformProperties(Path dataDir, ZoneId timeZone, Crypto crypto, Demo demo) {

	public PlatformProperties {
		dataDir = dataDir == null ? Path.of("./data") : dataDir;
		timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
		crypto = crypto == null ? new Crypto(null, null) : crypto;
		demo = demo == null ? new Demo(false) : demo;
	}

	public record Crypto(String encryptionKey, String lookupKey) {
	}

	public record Demo(boolean forceOnExternalDatabase) {
	}
}
