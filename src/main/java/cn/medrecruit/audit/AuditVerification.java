package cn.medrecruit.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in sequence order and recomputes every hash. An edited row, a deleted row (a gap in the
 * sequence or a broken link) and a re-ordered row are all reported with the sequence number where the chain breaks.
 */
@Service
public class AuditVerification {

	private final JdbcClient jdbc;
	private final AuditSealer sealer;

	AuditVerification(JdbcClient jdbc, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/** @param problems where the chain breaks, by sequence number; empty when intact */
	public record Result(long checked, List<Problem> problems) {

		public boolean intact() {
			return problems.isEmpty();
		}
	}

	public record Problem(long seq, long entryId, String kind) {
	}

	@Transactional(readOnly = true)
	public Result verify() {
		List<Problem> problems = new ArrayList<>();
		long[] counters = { 0, 0 };
		String[] previous = { AuditChain.GENESIS };
		jdbc.sql("""
				SELECT id, seq, occurred_at, actor, institution_id, ip, action, target, outcome, detail, prev_hash, hash
				  FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq""")
			.query(rs -> {
				long seq = rs.getLong("seq");
				long expectedSeq = ++counters[1];
				AuditChain.Entry entry = AuditSealer.entry(rs, seq);
				if (seq != expectedSeq) {
					problems.add(new Problem(expectedSeq, entry.id(), "missing"));
					counters[1] = seq;
				}
				if (!previous[0].equals(rs.getString("prev_hash"))) {
					problems.add(new Problem(seq, entry.id(), "broken-link"));
				}
				String expected = AuditChain.hash(rs.getString("prev_hash"), entry);
				if (!expected.equals(rs.getString("hash"))) {
					problems.add(new Problem(seq, entry.id(), "altered"));
				}
				previous[0] = rs.getString("hash");
				counters[0]++;
			});
		return new Result(counters[0], problems);
	}

	/** Seals what is pending, then verifies. */
	public Result sealAndVerify() {
		sealer.seal();
		return verify();
	}
}
