package cn.medrecruit.files;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the file storage.
 *
 * @param store {@code local} (default) or {@code s3}
 * @param localDir directory of the local store; {@code ${medrecruit.data-dir}/files} when not set
 * @param quotaPerOwner how much one owner may store in total
 * @param maxPixels the largest image (width × height) that is decoded at all, whatever an upload policy allows
 * @param cacheMaxAge how long a browser may keep a served file in its private cache
 * @param concurrentDecodes how many images are decoded at the same time on one node (each may need hundreds of MB)
 * @param s3 the object store used when {@code store=s3}
 */
@ConfigurationProperties("medrecruit.files")
public record FilesProperties(@DefaultValue("local") Store store, Path localDir,
		@DefaultValue("100MB") DataSize quotaPerOwner, @DefaultValue("40000000") long maxPixels,
		@DefaultValue("1h") Duration cacheMaxAge, @DefaultValue("2") int concurrentDecodes, @DefaultValue S3 s3) {

	public enum Store {
		LOCAL, S3
	}

	/**
	 * An S3-compatible object store.
	 *
	 * @param endpoint the service address, e.g. {@code https://oss-cn-hangzhou.aliyuncs.com} or a MinIO server; the
	 * AWS endpoint of the region when not set
	 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; most
	 * self-hosted servers need it
	 * @param accessKey with {@code secretKey}: static credentials; without them the SDK's default chain (environment,
	 * instance profile) is used
	 * @param keyPrefix put in front of every key, so that several installations can share one bucket
	 */
	public record S3(URI endpoint, @DefaultValue("us-east-1") String region, String bucket,
			@DefaultValue("true") boolean pathStyleAccess, String accessKey, String secretKey,
			@DefaultValue("") String keyPrefix) {

		@Override
		public String toString() {
			return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyleAccess="
					+ pathStyleAccess + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? null : "******")
					+ ", keyPrefix=" + keyPrefix + "]";
		}
	}

	public FilesProperties {
		if (maxPixels <= 0) {
			throw new IllegalArgumentException("medrecruit.files.max-pixels must be positive");
		}
		if (concurrentDecodes <= 0) {
			throw new IllegalArgumentException("medrecruit.files.concurrent-decodes must be positive");
		}
	}
}
