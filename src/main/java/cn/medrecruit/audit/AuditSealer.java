package cn.medrecruit.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains unsealed entries in id order: each gets the next sequence number, the previous hash and its own hash. One
 * node at a time (ShedLock), and under a row lock on the newest sealed entry when called directly.
 */
@Component
class AuditSealer {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	AuditSealer(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${medrecruit.audit.seal-interval:5s}", initialDelayString = "${medrecruit.audit.seal-interval:5s}")
	@SchedulerLock(name = "audit-seal", lockAtMostFor = "PT5M")
	void sealScheduled() {
		seal();
	}

	/** Seals everything written so far; returns how many entries were sealed. */
	synchronized int seal() {
		int total = 0;
		int sealed;
		do {
			sealed = transactions.execute(status -> sealBatch());
			total += sealed;
		}
		while (sealed == BATCH);
		return total;
	}

	private int sealBatch() {
		record Head(long seq, String hash) {
		}
		Head head = jdbc.sql("SELECT seq, hash FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)")
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.optional()
			.orElse(new Head(0, AuditChain.GENESIS));
		List<AuditChain.Entry> unsealed = jdbc.sql("""
				SELECT id, occurred_at, actor, institution_id, ip, action, target, outcome, detail
				  FROM audit_entry WHERE hash IS NULL ORDER BY id LIMIT :batch""")
			.param("batch", BATCH)
			.query((rs, n) -> entry(rs, 0))
			.list();
		long seq = head.seq();
		String previous = head.hash();
		for (AuditChain.Entry row : unsealed) {
			seq++;
			AuditChain.Entry entry = new AuditChain.Entry(row.id(), seq, row.occurredAt(), row.actor(),
					row.institutionId(), row.ip(), row.action(), row.target(), row.outcome(), row.detail());
			String hash = AuditChain.hash(previous, entry);
			jdbc.sql("UPDATE audit_entry SET seq = :seq, prev_hash = :prev, hash = :hash WHERE id = :id AND hash IS NULL")
				.param("seq", seq)
				.param("prev", previous)
				.param("hash", hash)
				.param("id", row.id())
				.update();
			previous = hash;
		}
		return unsealed.size();
	}

	static AuditChain.Entry entry(ResultSet rs, long seq) throws SQLException {
		long institution = rs.getLong("institution_id");
		return new AuditChain.Entry(rs.getLong("id"), seq, rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("actor"), rs.wasNull() ? null : institution, rs.getString("ip"), rs.getString("action"),
				rs.getString("target"), rs.getString("outcome"), rs.getString("detail"));
	}
}
