package cn.medrecruit.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.AccountId;

/** One person's messages (我的消息): newest first, one keyset page at a time, and marking them read. */
@Service
class NoticeInbox {

	static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;
	private final Clock clock;

	NoticeInbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Item(long id, String subject, String body, String link, Instant createdAt, boolean read) {
	}

	/** @param nextBefore the cursor of the next (older) page, or {@code null} on the last page */
	record Page(List<Item> items, Long nextBefore) {
	}

	/** @param before the id of the oldest message of the previous page; {@code null} for the newest */
	@Transactional(readOnly = true)
	Page page(AccountId account, Long before) {
		List<Item> items = jdbc.sql("""
				SELECT id, subject, body, link, created_at, read_at FROM notice
				 WHERE account_id = :account AND id < :before
				 ORDER BY id DESC LIMIT :limit""")
			.param("account", account.value())
			.param("before", before == null ? Long.MAX_VALUE : before)
			.param("limit", PAGE_SIZE + 1)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("subject"), rs.getString("body"),
					rs.getString("link"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
			.list();
		if (items.size() <= PAGE_SIZE) {
			return new Page(items, null);
		}
		List<Item> shown = List.copyOf(items.subList(0, PAGE_SIZE));
		return new Page(shown, shown.get(PAGE_SIZE - 1).id());
	}

	/**
	 * Marks one of the person's messages read and gives the place it points to; empty when the message is not
	 * theirs. A link that does not stay inside the platform is not followed.
	 */
	@Transactional
	Optional<String> read(AccountId account, long id) {
		Optional<String> link = jdbc.sql("SELECT COALESCE(link, '') FROM notice WHERE id = :id AND account_id = :account")
			.param("id", id)
			.param("account", account.value())
			.query(String.class)
			.optional();
		if (link.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE notice SET read_at = :at WHERE id = :id AND account_id = :account AND read_at IS NULL")
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("account", account.value())
			.update();
		return link.map(target -> isInternal(target) ? target : "");
	}

	@Transactional
	int readAll(AccountId account) {
		return jdbc.sql("UPDATE notice SET read_at = :at WHERE account_id = :account AND read_at IS NULL")
			.param("at", Timestamp.from(clock.instant()))
			.param("account", account.value())
			.update();
	}

	static boolean isInternal(String link) {
		return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
	}
}
