package cn.medrecruit.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.shared.PersonalDataCipher;
import cn.medrecruit.shared.LikePatterns;

/**
 * Reads the staff account list of the signed-in person's subtree: the subtree is a bound path prefix, never SQL
 * text. One query for the page, one for its roles and one call for its institution names, whatever the page size.
 */
@Service
public class StaffAccountSearch {

	/** @param nextAfter the cursor of the next page, {@code null} on the last page */
	public record Page(List<StaffAccountRow> rows, Long nextAfter) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final InstitutionLookup institutions;
	private final PersonalDataCipher cipher;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	StaffAccountSearch(JdbcClient jdbc, Accounts accounts, InstitutionLookup institutions, PersonalDataCipher cipher,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.institutions = institutions;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page search(StaffAccountQuery query, CurrentUser actor) {
		if (actor.getScopePath() == null) {
			return new Page(List.of(), null);
		}
		Instant now = clock.instant();
		StringBuilder sql = new StringBuilder("""
				SELECT id, login_name, real_name, institution_id, phone_masked, enabled, locked_until, last_login_at
				  FROM account
				 WHERE kind = 'STAFF' AND institution_path LIKE :scope ESCAPE '\\'""");
		Map<String, Object> params = new HashMap<>();
		params.put("scope", LikePatterns.startingWith(actor.getScopePath()));
		if (query.q() != null) {
			sql.append(" AND (LOWER(login_name) LIKE :keyword ESCAPE '\\' OR LOWER(real_name) LIKE :keyword ESCAPE '\\')");
			params.put("keyword", LikePatterns.containing(query.q().toLowerCase()));
		}
		if (query.institution() != null) {
			sql.append(" AND institution_id = :institution");
			params.put("institution", query.institution());
		}
		if (query.status() == StaffAccountQuery.Status.ENABLED) {
			sql.append(" AND enabled = TRUE AND (locked_until IS NULL OR locked_until <= :now)");
			params.put("now", Timestamp.from(now));
		}
		else if (query.status() == StaffAccountQuery.Status.DISABLED) {
			sql.append(" AND enabled = FALSE");
		}
		else if (query.status() == StaffAccountQuery.Status.LOCKED) {
			sql.append(" AND locked_until > :now");
			params.put("now", Timestamp.from(now));
		}
		if (query.after() != null) {
			sql.append(" AND id > :after");
			params.put("after", query.after());
		}
		sql.append(" ORDER BY id LIMIT :limit");
		params.put("limit", StaffAccountQuery.PAGE_SIZE + 1);

		ZoneId zone = clock.getZone();
		record Line(long id, String loginName, String name, Long institutionId, String phoneMasked, boolean enabled,
				Instant lockedUntil, Instant lastLoginAt) {
		}
		List<Line> lines = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			long institution = rs.getLong("institution_id");
			return new Line(rs.getLong("id"), rs.getString("login_name"), rs.getString("real_name"),
					rs.wasNull() ? null : institution, rs.getString("phone_masked"), rs.getBoolean("enabled"),
					instant(rs, "locked_until"), instant(rs, "last_login_at"));
		}).list();
		boolean more = lines.size() > StaffAccountQuery.PAGE_SIZE;
		if (more) {
			lines = lines.subList(0, StaffAccountQuery.PAGE_SIZE);
		}
		if (lines.isEmpty()) {
			return new Page(List.of(), null);
		}

		List<Long> ids = lines.stream().map(Line::id).toList();
		Map<Long, List<Role>> roles = new HashMap<>();
		jdbc.sql("SELECT account, role FROM account_role WHERE account IN (:ids) ORDER BY account, role")
			.param("ids", ids)
			.query((rs, n) -> roles.computeIfAbsent(rs.getLong("account"), id -> new ArrayList<>())
				.add(Role.valueOf(rs.getString("role"))))
			.list();
		Map<Long, String> names = institutions.namesOf(
				lines.stream().map(Line::institutionId).filter(id -> id != null).distinct().toList());

		List<StaffAccountRow> rows = lines.stream()
			.map(line -> new StaffAccountRow(line.id(), line.loginName(), line.name(), line.institutionId(),
					names.get(line.institutionId()),
					roles.getOrDefault(line.id(), List.of()).stream().sorted().toList(), line.phoneMasked(),
					line.enabled(), lockedLocal(line.lockedUntil(), now, zone), local(line.lastLoginAt(), zone)))
			.toList();
		return new Page(rows, more ? ids.get(ids.size() - 1) : null);
	}

	/**
	 * Finds an applicant account by login name or ID number, for the system administrator only; the ID number is
	 * looked up by its keyed hash, and the lookup is logged.
	 */
	@Transactional
	public Optional<ApplicantAccountRow> findApplicant(String input, CurrentUser actor) {
		if (!actor.has(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedException("only the system administrator looks up applicant accounts");
		}
		if (input == null || input.isBlank() || input.length() > 64) {
			return Optional.empty();
		}
		String trimmed = input.strip();
		Optional<Account> found = accounts.findByLoginName(trimmed)
			.or(() -> accounts.findByIdNumberHash(cipher.lookupHash(IdDocuments.normalize(trimmed))))
			.filter(account -> account.kind == AccountKind.APPLICANT);
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		found.ifPresent(account -> events
			.publishEvent(AuditEvent.success("APPLICANT_ACCOUNT_LOOKED_UP", LoginAttempts.target(account))));
		return found.map(account -> new ApplicantAccountRow(account.id, account.loginName, account.realName,
				account.idNumberMasked, account.enabled, lockedLocal(account.lockedUntil, now, zone),
				local(account.lastLoginAt, zone)));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static LocalDateTime lockedLocal(Instant lockedUntil, Instant now, ZoneId zone) {
		return lockedUntil != null && lockedUntil.isAfter(now) ? LocalDateTime.ofInstant(lockedUntil, zone) : null;
	}

	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
	}

}
