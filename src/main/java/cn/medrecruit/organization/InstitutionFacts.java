package cn.medrecruit.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read about institutions: kind, base category, level. They never read the tables. */
@Service
@Transactional(readOnly = true)
public class InstitutionFacts {

	private static final String COLUMNS = """
			SELECT i.id, i.code, i.name, i.kind, i.base_category, r.level, i.enabled
			  FROM institution i JOIN region r ON r.code = i.region_code""";

	private final JdbcClient jdbc;

	InstitutionFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Facts(long id, String code, String name, InstitutionKind kind, BaseCategory baseCategory,
			RegionLevel level, boolean enabled) {
	}

	public Optional<Facts> of(long id) {
		return jdbc.sql(COLUMNS + " WHERE i.id = :id").param("id", id).query(this::facts).optional();
	}

	public Map<Long, Facts> of(Collection<Long> ids) {
		Map<Long, Facts> found = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " WHERE i.id IN (:ids)").param("ids", ids).query(this::facts).list()
				.forEach(facts -> found.put(facts.id(), facts));
		}
		return found;
	}

	/** The enabled health commissions of city level, which hold the quotas of their city. */
	public List<Facts> cityCommissions() {
		return jdbc.sql(COLUMNS + " WHERE i.kind = 'HEALTH_COMMISSION' AND r.level = 'CITY' AND i.enabled = TRUE"
				+ " ORDER BY i.region_code, i.id")
			.query(this::facts)
			.list();
	}

	/**
	 * The peers of an institution for cross review: enabled, with review rights, of its kind and region level and
	 * under the same superior (two 考点 of one 考区, two cities of one province), itself left out.
	 */
	public List<Facts> peersOf(long id) {
		return jdbc.sql(COLUMNS + " " + """
				 JOIN institution s ON s.id = :id JOIN region sr ON sr.code = s.region_code
				 WHERE i.parent_id = s.parent_id AND i.kind = s.kind AND r.level = sr.level AND i.id <> s.id
				   AND i.enabled = TRUE AND i.review_rights = TRUE ORDER BY i.code""")
			.param("id", id)
			.query(this::facts)
			.list();
	}

	/** An institution directly under another, with its path: the prefix of everything in its subtree. */
	public record Child(long id, String name, String path) {
	}

	/** The institutions directly under one, in code order (a dashboard's regions). */
	public List<Child> children(long parentId) {
		return jdbc.sql("SELECT id, name, path FROM institution WHERE parent_id = :p ORDER BY code, id")
			.param("p", parentId)
			.query((rs, n) -> new Child(rs.getLong("id"), rs.getString("name"), rs.getString("path")))
			.list();
	}

	private Facts facts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String category = rs.getString("base_category");
		return new Facts(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				InstitutionKind.valueOf(rs.getString("kind")), category == null ? null : BaseCategory.valueOf(category),
				RegionLevel.valueOf(rs.getString("level")), rs.getBoolean("enabled"));
	}
}
