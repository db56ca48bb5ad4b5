package cn.medrecruit.files;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.StringUtils;

/**
 * Files in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph, the object storage of Chinese clouds), so
 * that every application node sees the same files. The bucket must exist.
 */
public class S3FileStore implements FileStore, AutoCloseable {

	private final S3Client client;
	private final String bucket;
	private final String keyPrefix;

	public S3FileStore(S3Client client, String bucket, String keyPrefix) {
		if (!StringUtils.hasText(bucket)) {
			throw new IllegalArgumentException("medrecruit.files.s3.bucket is required when medrecruit.files.store=s3");
		}
		this.client = client;
		this.bucket = bucket;
		this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
	}

	/** A store with its own client built from the settings; {@link #close()} releases the client. */
	public static S3FileStore create(FilesProperties.S3 settings) {
		return new S3FileStore(client(settings), settings.bucket(), settings.keyPrefix());
	}

	static S3Client client(FilesProperties.S3 settings) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyleAccess())
			.credentialsProvider(credentials(settings))
			// Checksums only where S3 requires them: many S3-compatible servers reject the newer default ones.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(FilesProperties.S3 settings) {
		if (StringUtils.hasText(settings.accessKey()) && StringUtils.hasText(settings.secretKey())) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		String objectKey = objectKey(key);
		try {
			client.putObject(request -> request.bucket(bucket).key(objectKey).contentType(contentType)
				.contentLength((long) content.length), RequestBody.fromBytes(content));
		}
		catch (SdkException e) {
			throw failure("Cannot write " + key, e);
		}
	}

	@Override
	public InputStream open(String key) {
		String objectKey = objectKey(key);
		try {
			return client.getObject(request -> request.bucket(bucket).key(objectKey));
		}
		catch (NoSuchKeyException e) {
			throw new UncheckedIOException("No object " + key, new NoSuchFileException(key));
		}
		catch (SdkException e) {
			throw failure("Cannot read " + key, e);
		}
	}

	@Override
	public void delete(String key) {
		String objectKey = objectKey(key);
		try {
			client.deleteObject(request -> request.bucket(bucket).key(objectKey));
		}
		catch (SdkException e) {
			throw failure("Cannot delete " + key, e);
		}
	}

	@Override
	public boolean exists(String key) {
		String objectKey = objectKey(key);
		try {
			client.headObject(request -> request.bucket(bucket).key(objectKey));
			return true;
		}
		catch (NoSuchKeyException e) {
			return false;
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return false;
			}
			throw failure("Cannot look up " + key, e);
		}
		catch (SdkException e) {
			throw failure("Cannot look up " + key, e);
		}
	}

	@Override
	public void close() {
		client.close();
	}

	private String objectKey(String key) {
		return keyPrefix + StorageKeys.check(key);
	}

	private static UncheckedIOException failure(String message, SdkException cause) {
		return new UncheckedIOException(message, new java.io.IOException(cause.getMessage(), cause));
	}
}
