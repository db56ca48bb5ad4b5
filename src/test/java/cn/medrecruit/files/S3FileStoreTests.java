package cn.medrecruit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.files.FileRows.FileRow;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.PlatformProperties;

/**
 * {@link S3FileStore} against a real S3 server (S3Proxy, started in-process on a free port for each test), and one
 * full upload through {@link StoredFiles} with the files kept in its bucket.
 */
@IntegrationTest
class S3FileStoreTests {

	@RegisterExtension
	static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder().withCredentials("medrecruit", "s3-test-secret")
		.build();

	private static final String KEY = "2026/11/6f1d2a34-55e4-4c1b-9b0e-2f4d1c3b5a71.jpg";

	@Autowired
	FileRows rows;

	@Autowired
	FilesProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Autowired
	UserDetailsService users;

	FilesProperties.S3 settings;
	S3Client client;
	S3FileStore store;

	@BeforeEach
	void createBucket() {
		settings = new FilesProperties.S3(S3_PROXY.getUri(), "us-east-1", "medrecruit-files", true,
				S3_PROXY.getAccessKey(), S3_PROXY.getSecretKey(), "uploads/");
		client = S3FileStore.client(settings);
		client.createBucket(request -> request.bucket("medrecruit-files"));
		store = S3FileStore.create(settings);
	}

	@AfterEach
	void closeClients() {
		store.close();
		client.close();
	}

	@Test
	void putOpenExistsDeleteRoundTrip() throws IOException {
		byte[] content = TestFiles.jpeg(40, 30);

		assertThat(store.exists(KEY)).isFalse();
		store.put(KEY, content, "image/jpeg");

		assertThat(store.exists(KEY)).isTrue();
		try (InputStream in = store.open(KEY)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		ResponseBytes<GetObjectResponse> raw = client.getObjectAsBytes(request -> request.bucket("medrecruit-files")
			.key("uploads/" + KEY));
		assertThat(raw.asByteArray()).as("kept under the key prefix").isEqualTo(content);
		assertThat(raw.response().contentType()).isEqualTo("image/jpeg");

		store.delete(KEY);
		store.delete(KEY);
		assertThat(store.exists(KEY)).isFalse();
		assertThatThrownBy(() -> store.open(KEY)).isInstanceOf(UncheckedIOException.class)
			.hasCauseInstanceOf(NoSuchFileException.class);
		assertThatThrownBy(() -> store.put("../" + KEY, content, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void wrongCredentialsFailLoudly() {
		FilesProperties.S3 wrong = new FilesProperties.S3(S3_PROXY.getUri(), "us-east-1", "medrecruit-files", true,
				S3_PROXY.getAccessKey(), "not-the-secret", "");
		try (S3FileStore intruder = S3FileStore.create(wrong)) {
			assertThatThrownBy(() -> intruder.put(KEY, new byte[] { 1 }, "image/jpeg")).isInstanceOf(UncheckedIOException.class);
		}
		assertThat(objects()).isEmpty();
	}

	@Test
	void anUploadIsStoredInTheBucketAndDeletedFromIt() throws Exception {
		StoredFiles files = new StoredFiles(rows, store, properties, transactions, events, clock);
		CurrentUser lisi = (CurrentUser) users.loadUserByUsername("lisi");
		byte[] upload = TestFiles.withExif(TestFiles.jpeg(500, 400), TestFiles.EXIF_WITH_GPS);

		StoredFile file = files.store(lisi.getAccountId(), "学历证书.jpg", upload, UploadPolicy.images());

		FileRow row = rows.find(file.id().value()).orElseThrow();
		assertThat(objects()).containsExactlyInAnyOrder("uploads/" + row.storageKey(), "uploads/" + row.thumbnailKey());
		byte[] stored = client.getObjectAsBytes(request -> request.bucket("medrecruit-files")
			.key("uploads/" + row.storageKey())).asByteArray();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored))).isEqualTo(file.sha256());
		assertThat(TestFiles.jpegMarkers(stored)).doesNotContain(0xE1);

		assertThatThrownBy(() -> files.store(lisi.getAccountId(), "x.jpg", TestFiles.html(), UploadPolicy.images()))
			.isInstanceOf(UploadRejected.class);
		assertThat(objects()).hasSize(2);

		assertThat(files.delete(file.id(), lisi)).isTrue();
		assertThat(objects()).isEmpty();
	}

	@Test
	void configurationChoosesTheS3StoreAndRequiresABucket() {
		PlatformProperties platform = new PlatformProperties(null, null, null, null);
		FilesProperties s3 = new FilesProperties(FilesProperties.Store.S3, null, DataSize.ofMegabytes(100), 40_000_000,
				Duration.ofHours(1), 2, settings);
		FilesProperties withoutBucket = new FilesProperties(FilesProperties.Store.S3, null, DataSize.ofMegabytes(100),
				40_000_000, Duration.ofHours(1), 2, new FilesProperties.S3(S3_PROXY.getUri(), "us-east-1", " ",
						true, null, null, ""));

		FileStore chosen = new FileStoreConfiguration().fileStore(s3, platform);
		try {
			assertThat(chosen).isInstanceOf(S3FileStore.class);
			chosen.put(KEY, new byte[] { 1, 2, 3 }, "image/png");
			assertThat(store.exists(KEY)).isTrue();
		}
		finally {
			((S3FileStore) chosen).close();
		}
		assertThatThrownBy(() -> new FileStoreConfiguration().fileStore(withoutBucket, platform))
			.hasMessageContaining("medrecruit.files.s3.bucket");
		assertThat(settings.toString()).doesNotContain("s3-test-secret").contains("secretKey=******");
	}

	private List<String> objects() {
		return client.listObjectsV2(request -> request.bucket("medrecruit-files")).contents().stream().map(S3Object::key)
			.toList();
	}
}
