package cn.medrecruit.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log, newest first, a page at a time. */
@Service
public class AuditLog {

	/**
	 * @param time local to the platform's zone
	 * @param seq the position in the hash chain; {@code null} until sealed
	 */
	public record Line(long id, LocalDateTime time, String actor, Long institutionId, String ip, String action,
			String target, String outcome, String detail, Long seq) {
	}

	/** @param nextBefore the cursor of the next (older) page, {@code null} on the last page */
	public record Page(List<Line> lines, Long nextBefore) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page search(AuditQuery query) {
		ZoneId zone = clock.getZone();
		StringBuilder sql = new StringBuilder("""
				SELECT id, occurred_at, actor, institution_id, ip, action, target, outcome, detail, seq
				  FROM audit_entry WHERE 1 = 1""");
		Map<String, Object> params = new HashMap<>();
		if (query.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (query.actor() != null) {
			sql.append(" AND actor = :actor");
			params.put("actor", query.actor());
		}
		if (query.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", query.action());
		}
		if (query.outcome() != null) {
			sql.append(" AND outcome = :outcome");
			params.put("outcome", query.outcome().name());
		}
		if (query.before() != null) {
			sql.append(" AND id < :before");
			params.put("before", query.before());
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", AuditQuery.PAGE_SIZE + 1);
		List<Line> lines = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			long institution = rs.getLong("institution_id");
			Long institutionId = rs.wasNull() ? null : institution;
			long seq = rs.getLong("seq");
			Long sealed = rs.wasNull() ? null : seq;
			return new Line(rs.getLong("id"),
					LocalDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), zone), rs.getString("actor"),
					institutionId, rs.getString("ip"), rs.getString("action"), rs.getString("target"),
					rs.getString("outcome"), rs.getString("detail"), sealed);
		}).list();
		if (lines.size() > AuditQuery.PAGE_SIZE) {
			List<Line> page = lines.subList(0, AuditQuery.PAGE_SIZE);
			return new Page(List.copyOf(page), page.get(page.size() - 1).id());
		}
		return new Page(lines, null);
	}
}
