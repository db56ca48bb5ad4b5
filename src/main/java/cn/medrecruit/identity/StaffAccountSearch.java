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
import java.util.function.Consumer;

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

	/** Accounts per query of an export; the roles of a chunk are read with one IN list. */
	static final int EXPORT_CHUNK = 500;

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
		List<Line> lines = lines(query, actor, StaffAccountQuery.PAGE_SIZE + 1);
		boolean more = lines.size() > StaffAccountQuery.PAGE_SIZE;
		if (more) {
			lines = lines.subList(0, StaffAccountQuery.PAGE_SIZE);
		}
		List<StaffAccountRow> rows = rows(lines);
		return new Page(rows, more ? rows.get(rows.size() - 1).id() : null);
	}

	/**
	 * Every account of the list with these filters, from its first page to its last, in the page's order: the
	 * export's rows. Reads keyset pages of {@value #EXPORT_CHUNK} in one read-only transaction, so a long list is never
	 * held whole.
	 */
	@Transactional(readOnly = true)
	void forEach(StaffAccountQuery query, CurrentUser actor, Consumer<? super ExportLine> sink) {
		if (actor.getScopePath() == null) {
			return;
		}
		StaffAccountQuery page = query.after(null);
		while (true) {
			List<Line> lines = lines(page, actor, EXPORT_CHUNK);
			if (lines.isEmpty()) {
				return;
			}
			List<StaffAccountRow> rows = rows(lines);
			for (int i = 0; i < rows.size(); i++) {
				sink.accept(new ExportLine(rows.get(i), lines.get(i).phoneEnc()));
			}
			if (lines.size() < EXPORT_CHUNK) {
				return;
			}
			page = page.after(lines.get(lines.size() - 1).id());
		}
	}

	/** An exported account: the list's row and the encrypted phone, decrypted only for a full export. */
	record ExportLine(StaffAccountRow row, String phoneEnc) {
	}

	private record Line(long id, String loginName, String name, Long institutionId, String phoneMasked,
			String phoneEnc, boolean enabled, Instant lockedUntil, Instant lastLoginAt) {
	}

	private List<Line> lines(StaffAccountQuery query, CurrentUser actor, int limit) {
		Instant now = clock.instant();
		StringBuilder sql = new StringBuilder("""
				SELECT id, login_name, real_name, institution_id, phone_masked, phone_enc, enabled, locked_until,
				       last_login_at
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
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			long institution = rs.getLong("institution_id");
			return new Line(rs.getLong("id"), rs.getString("login_name"), rs.getString("real_name"),
					rs.wasNull() ? null : institution, rs.getString("phone_masked"), rs.getString("phone_enc"),
					rs.getBoolean("enabled"), instant(rs, "locked_until"), instant(rs, "last_login_at"));
		}).list();
	}

	/** The lines with their roles (one query) and institution names (one call). */
	private List<StaffAccountRow> rows(List<Line> lines) {
		if (lines.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		List<Long> ids = lines.stream().map(Line::id).toList();
		Map<Long, List<Role>> roles = new HashMap<>();
		jdbc.sql("SELECT account, role FROM account_role WHERE account IN (:ids) ORDER BY account, role")
			.param("ids", ids)
			.query((rs, n) -> roles.computeIfAbsent(rs.getLong("account"), id -> new ArrayList<>())
				.add(Role.valueOf(rs.getString("role"))))
			.list();
		Map<Long, String> names = institutions.namesOf(
				lines.stream().map(Line::institutionId).filter(id -> id != null).distinct().toList());
		return lines.stream()
			.map(line -> new StaffAccountRow(line.id(), line.loginName(), line.name(), line.institutionId(),
					names.get(line.institutionId()),
					roles.getOrDefault(line.id(), List.of()).stream().sorted().toList(), line.phoneMasked(),
					line.enabled(), lockedLocal(line.lockedUntil(), now, zone), local(line.lastLoginAt(), zone)))
			.toList();
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
