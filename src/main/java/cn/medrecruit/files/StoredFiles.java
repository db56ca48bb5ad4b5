package cn.medrecruit.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.files.FileInspector.Inspected;
import cn.medrecruit.files.FileRows.FileRow;
import cn.medrecruit.identity.CurrentUser;

/**
 * Stores, finds and deletes uploaded files. An upload is checked by its content, images are re-encoded without
 * metadata and get a thumbnail, and the owner's quota is enforced with the owner's quota row locked, so concurrent
 * uploads of one owner cannot together exceed it. When anything fails, nothing is stored: no row, no object.
 * <p>
 * Callers may call in their own transaction; objects written for a transaction that rolls back are removed, and
 * objects of a deleted file are removed only once the deletion commits.
 */
@Service
public class StoredFiles {

	private static final Logger log = LoggerFactory.getLogger(StoredFiles.class);

	private final FileRows rows;
	private final FileStore store;
	private final FileInspector inspector;
	private final FilesProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final TransactionTemplate separateTransaction;

	StoredFiles(FileRows rows, FileStore store, FilesProperties properties, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.store = store;
		this.inspector = new FileInspector(properties.concurrentDecodes());
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.separateTransaction = new TransactionTemplate(transactions);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Checks and stores one upload of this owner.
	 *
	 * @param originalName the client's file name, used only (sanitised) for display
	 * @throws UploadRejected when the content is not acceptable under the policy or the owner's quota is used up
	 */
	public StoredFile store(long ownerAccountId, String originalName, byte[] content, UploadPolicy policy) {
		UploadPolicy effective = policy.maxPixels() > properties.maxPixels() ? policy.withMaxPixels(properties.maxPixels())
				: policy;
		Inspected inspected = inspector.inspect(content, effective);
		// Databases keep microseconds: the answer carries the time as it will be read back.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String base = keyBase(now);
		String storageKey = base + "." + DisplayNames.preferredExtension(inspected.contentType());
		String thumbnailKey = inspected.thumbnail() == null ? null : base + "-thumbnail.jpg";
		StoredFile file = new StoredFile(null, ownerAccountId, inspected.contentType(), inspected.content().length,
				inspected.width(), inspected.height(), sha256(inspected.content()),
				DisplayNames.sanitise(originalName, inspected.contentType()), thumbnailKey != null, now);
		ensureQuotaRow(ownerAccountId);
		Stored outcome = transaction.execute(status -> {
			long used = rows.lockQuota(ownerAccountId);
			long quota = properties.quotaPerOwner().toBytes();
			if (used + file.size() > quota) {
				// Returned, not thrown: a caller's surrounding transaction must not be marked for rollback by a refusal.
				return new Stored(null, new UploadRejected("files.rejected.quota", FileSizes.up(file.size()),
						FileSizes.down(Math.max(0, quota - used)), FileSizes.down(quota)));
			}
			List<String> written = new ArrayList<>();
			removeOnRollback(written);
			written.add(storageKey);
			store.put(storageKey, inspected.content(), inspected.contentType());
			if (thumbnailKey != null) {
				written.add(thumbnailKey);
				store.put(thumbnailKey, inspected.thumbnail(), "image/jpeg");
			}
			StoredFile stored = rows.insert(new FileRow(file, storageKey, thumbnailKey)).file();
			rows.addUsage(ownerAccountId, stored.size());
			events.publishEvent(AuditEvent.success("FILE_STORED", target(stored), "owner=" + ownerAccountId + ", type="
					+ stored.contentType() + ", bytes=" + stored.size() + ", sha256=" + stored.sha256()));
			return new Stored(stored, null);
		});
		if (outcome.rejected() != null) {
			throw outcome.rejected();
		}
		return outcome.file();
	}

	private record Stored(StoredFile file, UploadRejected rejected) {
	}

	public Optional<StoredFile> find(StoredFileId id) {
		return rows.find(id.value()).map(FileRow::file);
	}

	/** The files with these ids that exist, in id order. */
	public List<StoredFile> findAll(Collection<StoredFileId> ids) {
		return rows.findAll(ids.stream().map(StoredFileId::value).distinct().toList()).stream().map(FileRow::file)
			.toList();
	}

	/**
	 * Deletes a file of the acting owner: the row and the quota use at once, the objects once the deletion commits.
	 *
	 * @return {@code false} when there is no such file (any more)
	 * @throws AccessDeniedException when the file belongs to someone else
	 */
	public boolean delete(StoredFileId id, CurrentUser actor) {
		Boolean deleted = transaction.execute(status -> {
			Optional<FileRow> found = rows.find(id.value());
			if (found.isEmpty()) {
				return false;
			}
			FileRow row = found.get();
			long owner = row.file().ownerAccountId();
			if (owner != actor.getAccountId()) {
				throw new AccessDeniedException("File " + id + " belongs to another account");
			}
			rows.lockQuota(owner);
			if (!rows.delete(id.value())) {
				return false;
			}
			rows.addUsage(owner, -row.file().size());
			events.publishEvent(AuditEvent.success("FILE_DELETED", target(row.file()),
					"owner=" + owner + ", bytes=" + row.file().size()).by(actor.loginName()));
			removeAfterCommit(row);
			return true;
		});
		return Boolean.TRUE.equals(deleted);
	}

	public StorageUsage usage(long ownerAccountId) {
		return new StorageUsage(rows.usedBytes(ownerAccountId), properties.quotaPerOwner().toBytes());
	}

	/**
	 * The stored bytes of a file, when it belongs to this owner: e.g. the applicant's photo on their own printed form.
	 * Empty when the file is not theirs or its object cannot be read.
	 */
	public Optional<byte[]> contentOwnedBy(StoredFileId id, long ownerAccountId) {
		return rows.find(id.value()).filter(row -> row.file().ownerAccountId() == ownerAccountId).flatMap(row -> {
			try (java.io.InputStream in = store.open(row.storageKey())) {
				return Optional.of(in.readAllBytes());
			}
			catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
				return Optional.empty();
			}
		});
	}

	/** The row of a file with the keys of its objects, for serving. */
	Optional<FileRow> row(long id) {
		return rows.find(id);
	}

	/** The quota row must exist before it can be locked; two first uploads may race to create it. */
	private void ensureQuotaRow(long owner) {
		if (rows.quotaRowExists(owner)) {
			return;
		}
		try {
			separateTransaction.executeWithoutResult(status -> rows.insertQuotaRow(owner));
		}
		catch (DuplicateKeyException createdConcurrently) {
			log.debug("Quota row of owner {} was created by a concurrent upload", owner);
		}
	}

	private void removeOnRollback(List<String> keys) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_ROLLED_BACK) {
					keys.forEach(StoredFiles.this::removeQuietly);
				}
			}
		});
	}

	private void removeAfterCommit(FileRow row) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				removeQuietly(row.storageKey());
				if (row.thumbnailKey() != null) {
					removeQuietly(row.thumbnailKey());
				}
			}
		});
	}

	/** An object that cannot be removed is left behind (and logged) rather than failing a finished transaction. */
	private void removeQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (RuntimeException e) {
			log.warn("Could not remove stored object {}; it is orphaned", key, e);
		}
	}

	private String keyBase(Instant now) {
		YearMonth month = YearMonth.from(now.atZone(clock.getZone()));
		return String.format("%04d/%02d/%s", month.getYear(), month.getMonthValue(), UUID.randomUUID());
	}

	private static String target(StoredFile file) {
		return "file:" + file.id().value();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}
}
