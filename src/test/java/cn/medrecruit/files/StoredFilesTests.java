package cn.medrecruit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.files.FileRows.FileRow;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.Texts;

/** Uploads through {@link StoredFiles} on the local store: what is kept, and that a refusal keeps nothing. */
@IntegrationTest
class StoredFilesTests {

	@Autowired
	StoredFiles files;

	@Autowired
	FileStore store;

	@Autowired
	FileRows rows;

	@Autowired
	FilesProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Texts texts;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Test
	void theFileStoreIsTheLocalDirectoryUnderTheDataDirectory() {
		assertThat(store).isInstanceOf(LocalFileStore.class);
		assertThat(((LocalFileStore) store).root()).isEqualTo(Path.of("target/test-data/files").toAbsolutePath().normalize());
	}

	@Test
	void aJpegIsStoredReEncodedWithoutExifWithAThumbnailAndAnAuditLine() throws Exception {
		long owner = newOwner();
		byte[] upload = TestFiles.withExif(TestFiles.jpeg(400, 300), TestFiles.EXIF_WITH_GPS);

		StoredFile file = files.store(owner, "IMG_0001.jpg", upload, UploadPolicy.images());

		assertThat(file.contentType()).isEqualTo("image/jpeg");
		assertThat(file.ownerAccountId()).isEqualTo(owner);
		assertThat(file.originalName()).isEqualTo("IMG_0001.jpg");
		assertThat(file.width()).isEqualTo(300);
		assertThat(file.height()).isEqualTo(400);
		assertThat(file.hasThumbnail()).isTrue();
		assertThat(file.url()).isEqualTo("/files/" + file.id().value());
		assertThat(file.thumbnailUrl()).isEqualTo("/files/" + file.id().value() + "/thumbnail");
		FileRow row = rows.find(file.id().value()).orElseThrow();
		assertThat(row.storageKey()).matches("\\d{4}/\\d{2}/[0-9a-f-]{36}\\.jpg");
		assertThat(row.thumbnailKey()).isEqualTo(row.storageKey().replace(".jpg", "-thumbnail.jpg"));
		byte[] stored = read(row.storageKey());
		assertThat(stored).isNotEqualTo(upload);
		assertThat(TestFiles.jpegMarkers(stored)).doesNotContain(0xE1);
		assertThat(file.size()).isEqualTo(stored.length);
		assertThat(file.sha256()).isEqualTo(sha256(stored));
		assertThat(ImageIO.read(new ByteArrayInputStream(read(row.thumbnailKey()))).getHeight()).isEqualTo(240);
		assertThat(files.find(file.id())).contains(file);
		assertThat(files.usage(owner)).isEqualTo(new StorageUsage(stored.length, properties.quotaPerOwner().toBytes()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'FILE_STORED' AND target = :t")
			.param("t", "file:" + file.id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPngIsStoredAsPngAndABmpAsPng() {
		long owner = newOwner();

		StoredFile png = files.store(owner, "scan.png", TestFiles.png(320, 200), UploadPolicy.images());
		StoredFile bmp = files.store(owner, "扫描件.bmp", TestFiles.bmp(320, 200), UploadPolicy.images());

		assertThat(png.contentType()).isEqualTo("image/png");
		assertThat(png.originalName()).isEqualTo("scan.png");
		assertThat(bmp.contentType()).isEqualTo("image/png");
		assertThat(bmp.originalName()).isEqualTo("扫描件.png");
		assertThat(FileKind.detect(read(rows.find(bmp.id().value()).orElseThrow().storageKey()))).contains(FileKind.PNG);
		assertThat(files.findAll(List.of(bmp.id(), png.id(), new StoredFileId(-1)))).containsExactly(png, bmp);
		assertThat(files.usage(owner).usedBytes()).isEqualTo(png.size() + bmp.size());
	}

	@Test
	void aPngNamedJpgIsAcceptedAsPng() {
		StoredFile file = files.store(newOwner(), "photo.jpg", TestFiles.png(100, 100), UploadPolicy.images());

		assertThat(file.contentType()).isEqualTo("image/png");
		assertThat(file.originalName()).isEqualTo("photo.png");
	}

	@Test
	void aPdfIsStoredAsItCameWithoutThumbnailWhereTheSlotAllowsPdf() {
		StoredFile file = files.store(newOwner(), "证明.pdf", TestFiles.pdf(), UploadPolicy.imagesOrPdf());

		assertThat(file.contentType()).isEqualTo("application/pdf");
		assertThat(file.hasThumbnail()).isFalse();
		assertThat(file.thumbnailUrl()).isNull();
		assertThat(file.width()).isNull();
		assertThat(read(rows.find(file.id().value()).orElseThrow().storageKey())).isEqualTo(TestFiles.pdf());
	}

	@Test
	void aPathInTheFileNameNeverReachesTheStorage() throws IOException {
		Path dataDir = Path.of("target/test-data");
		StoredFile file = files.store(newOwner(), "../../x.jpg", TestFiles.jpeg(50, 50), UploadPolicy.images());

		assertThat(file.originalName()).isEqualTo("x.jpg");
		assertThat(rows.find(file.id().value()).orElseThrow().storageKey()).matches("\\d{4}/\\d{2}/[0-9a-f-]{36}\\.jpg");
		assertThat(Path.of("x.jpg")).doesNotExist();
		assertThat(dataDir.resolve("x.jpg")).doesNotExist();
		try (Stream<Path> all = Files.walk(dataDir)) {
			assertThat(all.filter(path -> path.getFileName().toString().equals("x.jpg"))).isEmpty();
		}
	}

	@Test
	void everyRefusalNamesItsReasonAndStoresNothing() throws IOException {
		long owner = newOwner();
		byte[] jpeg = TestFiles.encode(TestFiles.noise(300, 200, 9), "jpeg");
		record Case(String name, byte[] content, String key, String text) {
		}
		List<Case> cases = List.of(
				new Case("page.jpg", TestFiles.html(), "files.rejected.unrecognised", "只接受 JPG、PNG、BMP 格式"),
				new Case("logo.svg", TestFiles.svgWithScript(), "files.rejected.unrecognised", "修改扩展名无效"),
				new Case("logo.jpg", TestFiles.svgWithScript(), "files.rejected.unrecognised", "无法识别的文件内容"),
				new Case("cut.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 3), "files.rejected.truncated", "文件不完整"),
				new Case("big.bmp", TestFiles.bmpOf3Point1Megabytes(), "files.rejected.too-large", "文件过大（3.1 MB），此处最大允许 3 MB"),
				new Case("empty.jpg", new byte[0], "files.rejected.empty", "0 字节"),
				new Case("bomb.png", TestFiles.pngDeclaring(50_000, 50_000), "files.rejected.too-many-pixels",
						"图片尺寸过大（50,000 × 50,000 像素），最多允许 4,000 万像素"),
				new Case("doc.pdf", TestFiles.pdf(), "files.rejected.kind-not-allowed", "此处不接受 PDF 文件"));
		for (Case c : cases) {
			Snapshot before = snapshot();

			assertThatThrownBy(() -> files.store(owner, c.name(), c.content(), UploadPolicy.images()))
				.as(c.name())
				.isInstanceOfSatisfying(UploadRejected.class, rejected -> {
					assertThat(rejected.messageKey()).as(c.name()).isEqualTo(c.key());
					assertThat(texts.get(rejected.messageKey(), rejected.arguments())).as(c.name()).contains(c.text());
				});

			assertThat(snapshot()).as("nothing stored for " + c.name()).isEqualTo(before);
		}
		assertThat(files.usage(owner).usedBytes()).isZero();
	}

	@Test
	void aFullQuotaRefusesWithTheRemainingSpaceAndStoresNothing() throws IOException {
		long owner = newOwner();
		long quota = properties.quotaPerOwner().toBytes();
		files.store(owner, "first.png", TestFiles.png(10, 10), UploadPolicy.images());
		jdbc.sql("UPDATE file_quota SET used_bytes = :used WHERE owner_account_id = :owner")
			.param("used", quota - 1536).param("owner", owner).update();
		Snapshot before = snapshot();

		assertThatThrownBy(() -> files.store(owner, "photo.jpg", TestFiles.jpeg(600, 400), UploadPolicy.images()))
			.isInstanceOfSatisfying(UploadRejected.class, rejected -> {
				assertThat(rejected.messageKey()).isEqualTo("files.rejected.quota");
				assertThat(texts.get(rejected.messageKey(), rejected.arguments()))
					.contains("剩余可用空间 1.5 KB（共 100 MB）");
			});

		assertThat(snapshot()).isEqualTo(before);
		assertThat(files.usage(owner).remainingBytes()).isEqualTo(1536);
		StoredFile small = files.store(owner, "dot.png", TestFiles.png(1, 1), UploadPolicy.images());
		assertThat(files.usage(owner).remainingBytes()).isEqualTo(1536 - small.size());
	}

	@Test
	void concurrentUploadsOfOneOwnerDoNotOvershootTheQuota() throws Exception {
		byte[] photo = TestFiles.encode(TestFiles.noise(200, 200, 5), "jpeg");
		long size = files.store(newOwner(), "probe.jpg", photo, UploadPolicy.images()).size();
		long owner = newOwner();
		long quota = properties.quotaPerOwner().toBytes();
		files.store(owner, "first.png", TestFiles.png(1, 1), UploadPolicy.images());
		long used = quota - 2 * size - size / 2;
		jdbc.sql("UPDATE file_quota SET used_bytes = :used WHERE owner_account_id = :owner")
			.param("used", used).param("owner", owner).update();
		int uploads = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(uploads);
		List<Future<StoredFile>> results = new ArrayList<>();
		try {
			for (int i = 0; i < uploads; i++) {
				Callable<StoredFile> upload = () -> {
					start.await();
					return files.store(owner, "photo.jpg", photo, UploadPolicy.images());
				};
				results.add(pool.submit(upload));
			}
			start.countDown();
			int stored = 0;
			int refused = 0;
			for (Future<StoredFile> result : results) {
				try {
					result.get();
					stored++;
				}
				catch (java.util.concurrent.ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(UploadRejected.class);
					assertThat(((UploadRejected) e.getCause()).messageKey()).isEqualTo("files.rejected.quota");
					refused++;
				}
			}
			assertThat(stored).isEqualTo(2);
			assertThat(refused).isEqualTo(uploads - 2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(files.usage(owner).usedBytes()).isEqualTo(used + 2 * size).isLessThanOrEqualTo(quota);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE owner_account_id = :owner").param("owner", owner)
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theOwnerDeletesRowObjectsAndQuotaUseOthersMayNot() {
		CurrentUser zhangsan = (CurrentUser) users.loadUserByUsername("zhangsan");
		CurrentUser lisi = (CurrentUser) users.loadUserByUsername("lisi");
		long usedBefore = files.usage(zhangsan.getAccountId()).usedBytes();
		StoredFile file = files.store(zhangsan.getAccountId(), "a.jpg", TestFiles.jpeg(100, 80), UploadPolicy.images());
		FileRow row = rows.find(file.id().value()).orElseThrow();

		assertThatThrownBy(() -> files.delete(file.id(), lisi)).isInstanceOf(AccessDeniedException.class);
		assertThat(files.find(file.id())).isPresent();

		assertThat(files.delete(file.id(), zhangsan)).isTrue();

		assertThat(files.find(file.id())).isEmpty();
		assertThat(store.exists(row.storageKey())).isFalse();
		assertThat(store.exists(row.thumbnailKey())).isFalse();
		assertThat(files.usage(zhangsan.getAccountId()).usedBytes()).isEqualTo(usedBefore);
		assertThat(files.delete(file.id(), zhangsan)).isFalse();
		assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'FILE_DELETED' AND target = :t")
			.param("t", "file:" + file.id().value()).query(String.class).single()).isEqualTo("zhangsan");
	}

	@Test
	void aDeletionThatRollsBackKeepsTheObjects() {
		CurrentUser zhangsan = (CurrentUser) users.loadUserByUsername("zhangsan");
		StoredFile file = files.store(zhangsan.getAccountId(), "b.jpg", TestFiles.jpeg(60, 60), UploadPolicy.images());
		FileRow row = rows.find(file.id().value()).orElseThrow();

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			files.delete(file.id(), zhangsan);
			status.setRollbackOnly();
		});

		assertThat(files.find(file.id())).isPresent();
		assertThat(store.exists(row.storageKey())).isTrue();
		assertThat(store.exists(row.thumbnailKey())).isTrue();
	}

	@Test
	void anUploadInACallersTransactionThatRollsBackLeavesNoObject() throws IOException {
		long owner = newOwner();
		Snapshot before = snapshot();

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			files.store(owner, "c.jpg", TestFiles.jpeg(60, 60), UploadPolicy.images());
			status.setRollbackOnly();
		});

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void whenTheRowCannotBeWrittenTheObjectsAreRemoved() throws IOException {
		FileRows failing = new FileRows(jdbc) {
			@Override
			FileRow insert(FileRow row) {
				super.insert(row);
				throw new DataIntegrityViolationException("row refused");
			}
		};
		StoredFiles failingFiles = new StoredFiles(failing, store, properties, transactions, events, clock);
		long owner = newOwner();
		files.store(owner, "first.png", TestFiles.png(1, 1), UploadPolicy.images());
		long used = files.usage(owner).usedBytes();
		Snapshot before = snapshot();

		assertThatThrownBy(() -> failingFiles.store(owner, "d.jpg", TestFiles.jpeg(60, 60), UploadPolicy.images()))
			.isInstanceOf(DataIntegrityViolationException.class);

		assertThat(snapshot()).isEqualTo(before);
		assertThat(files.usage(owner).usedBytes()).isEqualTo(used);
	}

	@Test
	void aRefusalInsideACallersTransactionDoesNotSpoilIt() {
		long owner = newOwner();
		files.store(owner, "first.png", TestFiles.png(1, 1), UploadPolicy.images());
		jdbc.sql("UPDATE file_quota SET used_bytes = :used WHERE owner_account_id = :owner")
			.param("used", properties.quotaPerOwner().toBytes()).param("owner", owner).update();

		StoredFile stored = new TransactionTemplate(transactions).execute(status -> {
			try {
				files.store(owner, "full.png", TestFiles.png(5, 5), UploadPolicy.images());
			}
			catch (UploadRejected expected) {
				// the caller shows the message and carries on
			}
			return files.store(newOwner(), "other.png", TestFiles.png(5, 5), UploadPolicy.images());
		});

		assertThat(files.find(stored.id())).isPresent();
	}

	private byte[] read(String key) {
		try (InputStream in = store.open(key)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** A random owner id far above real account ids, so tests sharing the database never meet. */
	private static long newOwner() {
		return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	record Snapshot(long rows, long objects, long quotaBytes) {
	}

	private Snapshot snapshot() throws IOException {
		Path root = ((LocalFileStore) store).root();
		long objects;
		if (Files.exists(root)) {
			try (Stream<Path> all = Files.walk(root)) {
				objects = all.filter(Files::isRegularFile).count();
			}
		}
		else {
			objects = 0;
		}
		return new Snapshot(jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single(), objects,
				jdbc.sql("SELECT COALESCE(SUM(used_bytes), 0) FROM file_quota").query(Long.class).single());
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}
}
