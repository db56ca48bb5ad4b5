package cn.medrecruit.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.AccountNames;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.LikePatterns;

/**
 * Reads institutions within the signed-in person's subtree (own institution included). The subtree is a path
 * prefix bound as a parameter; the filters add fixed SQL fragments whose values are bound too.
 */
@Component
@Transactional(readOnly = true)
public class InstitutionListing {

	private static final String COLUMNS = """
			SELECT i.id, i.code, i.name, i.kind, i.base_category, i.region_code, r.name AS region_name,
			       i.parent_id, p.name AS parent_name, i.review_rights, i.enabled, i.admin_account_id,
			       i.contact_name, i.contact_phone, i.version
			  FROM institution i
			  JOIN region r ON r.code = i.region_code
			  LEFT JOIN institution p ON p.id = i.parent_id
			""";

	private final JdbcClient jdbc;
	private final AccountNames accountNames;

	InstitutionListing(JdbcClient jdbc, AccountNames accountNames) {
		this.jdbc = jdbc;
		this.accountNames = accountNames;
	}

	public record Row(long id, String code, String name, InstitutionKind kind, BaseCategory baseCategory,
			String regionCode, String regionName, Long parentId, String parentName, boolean reviewRights,
			boolean enabled, Long adminAccountId, String adminLoginName, String contactName, String contactPhone,
			int version) {
	}

	/** @param next the query for the following page, or {@code null} on the last page */
	public record Page(List<Row> rows, InstitutionQuery next) {
	}

	public Page page(InstitutionQuery query, CurrentUser user) {
		if (user.getScopePath() == null) {
			return new Page(List.of(), null);
		}
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE i.path LIKE :scope");
		Map<String, Object> params = new HashMap<>();
		params.put("scope", LikePatterns.startingWith(user.getScopePath()));
		if (query.keyword() != null) {
			sql.append(" AND (i.name LIKE :keyword ESCAPE '\\' OR UPPER(i.code) LIKE UPPER(:keyword) ESCAPE '\\')");
			params.put("keyword", LikePatterns.containing(query.keyword()));
		}
		if (query.kind() != null) {
			sql.append(" AND i.kind = :kind");
			params.put("kind", query.kind().name());
		}
		if (query.enabled() != null) {
			sql.append(" AND i.enabled = :enabled");
			params.put("enabled", query.enabled());
		}
		if (query.after() != null) {
			sql.append(" AND i.id > :after");
			params.put("after", query.after());
		}
		sql.append(" ORDER BY i.id LIMIT :limit");
		params.put("limit", InstitutionQuery.PAGE_SIZE + 1);
		List<Row> rows = withAdminLoginNames(jdbc.sql(sql.toString()).params(params).query(this::row).list());
		if (rows.size() <= InstitutionQuery.PAGE_SIZE) {
			return new Page(rows, null);
		}
		List<Row> shown = rows.subList(0, InstitutionQuery.PAGE_SIZE);
		return new Page(List.copyOf(shown), query.after(shown.get(shown.size() - 1).id()));
	}

	/** One institution in the person's subtree; {@link AccessDeniedException} for any other id. */
	public Row find(InstitutionId id, CurrentUser user) {
		if (user.getScopePath() == null) {
			throw new AccessDeniedException("no data scope");
		}
		Row row = jdbc.sql(COLUMNS + " WHERE i.id = :id AND i.path LIKE :scope")
			.param("id", id.value())
			.param("scope", user.getScopePath() + "%")
			.query(this::row)
			.optional()
			.orElseThrow(() -> new AccessDeniedException("institution outside the data scope"));
		return withAdminLoginNames(List.of(row)).get(0);
	}

	/** Institutions that may hold new ones: the person's own and those below it, employer units excepted. */
	public List<Row> possibleParents(CurrentUser user) {
		if (user.getScopePath() == null) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + """
				 WHERE i.path LIKE :scope AND i.enabled = TRUE AND (i.kind <> 'UNIT' OR i.id = :own)
				 ORDER BY i.path""")
			.param("scope", user.getScopePath() + "%")
			.param("own", user.getInstitutionId())
			.query(this::row)
			.list();
	}

	private List<Row> withAdminLoginNames(List<Row> rows) {
		List<AccountId> admins = rows.stream().map(Row::adminAccountId).filter(Objects::nonNull).map(AccountId::new)
			.toList();
		Map<AccountId, String> names = accountNames.loginNamesOf(admins);
		List<Row> named = new ArrayList<>(rows.size());
		for (Row row : rows) {
			String login = row.adminAccountId() == null ? null : names.get(new AccountId(row.adminAccountId()));
			named.add(new Row(row.id(), row.code(), row.name(), row.kind(), row.baseCategory(), row.regionCode(),
					row.regionName(), row.parentId(), row.parentName(), row.reviewRights(), row.enabled(),
					row.adminAccountId(), login, row.contactName(), row.contactPhone(), row.version()));
		}
		return named;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		String category = rs.getString("base_category");
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				InstitutionKind.valueOf(rs.getString("kind")), category == null ? null : BaseCategory.valueOf(category),
				rs.getString("region_code"), rs.getString("region_name"), rs.getObject("parent_id", Long.class),
				rs.getString("parent_name"), rs.getBoolean("review_rights"), rs.getBoolean("enabled"),
				rs.getObject("admin_account_id", Long.class), null, rs.getString("contact_name"),
				rs.getString("contact_phone"), rs.getInt("version"));
	}
}
