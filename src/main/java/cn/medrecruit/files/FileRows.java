package cn.medrecruit.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code stored_file} and {@code file_quota}. */
@Repository
class FileRows {

	/** A stored file with the keys of its objects, which never leave this module. */
	record FileRow(StoredFile file, String storageKey, String thumbnailKey) {
	}

	private static final String COLUMNS = "id, owner_account_id, storage_key, thumbnail_key, content_type, size_bytes, "
			+ "width, height, sha256, original_name, created_at";

	private final JdbcClient jdbc;

	FileRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FileRow> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stored_file WHERE id = :id").param("id", id)
			.query(FileRows::map).optional();
	}

	List<FileRow> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM stored_file WHERE id IN (:ids) ORDER BY id").param("ids", ids)
			.query(FileRows::map).list();
	}

	FileRow insert(FileRow row) {
		StoredFile file = row.file();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO stored_file (owner_account_id, storage_key, thumbnail_key, content_type, size_bytes, width,
				                         height, sha256, original_name, created_at)
				VALUES (:owner, :key, :thumbnailKey, :contentType, :size, :width, :height, :sha256, :name, :createdAt)""")
			.param("owner", file.ownerAccountId())
			.param("key", row.storageKey())
			.param("thumbnailKey", row.thumbnailKey())
			.param("contentType", file.contentType())
			.param("size", file.size())
			.param("width", file.width())
			.param("height", file.height())
			.param("sha256", file.sha256())
			.param("name", file.originalName())
			.param("createdAt", Timestamp.from(file.createdAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new FileRow(new StoredFile(new StoredFileId(id), file.ownerAccountId(), file.contentType(), file.size(),
				file.width(), file.height(), file.sha256(), file.originalName(), file.hasThumbnail(), file.createdAt()),
				row.storageKey(), row.thumbnailKey());
	}

	boolean delete(long id) {
		return jdbc.sql("DELETE FROM stored_file WHERE id = :id").param("id", id).update() == 1;
	}

	boolean quotaRowExists(long owner) {
		return jdbc.sql("SELECT COUNT(*) FROM file_quota WHERE owner_account_id = :owner").param("owner", owner)
			.query(Long.class).single() > 0;
	}

	void insertQuotaRow(long owner) {
		jdbc.sql("INSERT INTO file_quota (owner_account_id, used_bytes) VALUES (:owner, 0)").param("owner", owner)
			.update();
	}

	/** Locks the owner's quota row until the transaction ends and answers the bytes used. */
	long lockQuota(long owner) {
		return jdbc.sql("SELECT used_bytes FROM file_quota WHERE owner_account_id = :owner FOR UPDATE")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	void addUsage(long owner, long bytes) {
		jdbc.sql("UPDATE file_quota SET used_bytes = used_bytes + :bytes WHERE owner_account_id = :owner")
			.param("bytes", bytes)
			.param("owner", owner)
			.update();
	}

	long usedBytes(long owner) {
		return jdbc.sql("SELECT used_bytes FROM file_quota WHERE owner_account_id = :owner").param("owner", owner)
			.query(Long.class).optional().orElse(0L);
	}

	private static FileRow map(ResultSet rs, int row) throws SQLException {
		String thumbnailKey = rs.getString("thumbnail_key");
		StoredFile file = new StoredFile(new StoredFileId(rs.getLong("id")), rs.getLong("owner_account_id"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getObject("width", Integer.class),
				rs.getObject("height", Integer.class), rs.getString("sha256"), rs.getString("original_name"),
				thumbnailKey != null, rs.getTimestamp("created_at").toInstant());
		return new FileRow(file, rs.getString("storage_key"), thumbnailKey);
	}
}
