package cn.medrecruit.organization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicants' unit dictionary: enabled employers (units, training bases, health commissions; not the exam bodies,
 * which employ nobody) found by two or more characters of their name. Each name is
 * indexed by its two-character slices, so a query reads one slice's rows from an index, however many units exist.
 */
@Service
@Transactional(readOnly = true)
public class UnitDictionary {

	public static final int MAX_RESULTS = 20;
	public static final int MIN_QUERY_LENGTH = 2;
	public static final int MAX_QUERY_LENGTH = 50;

	private final JdbcClient jdbc;

	UnitDictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Unit(long id, String name, String regionName) {
	}

	public List<Unit> search(String query) {
		String text = query == null ? "" : query.strip();
		if (text.codePointCount(0, text.length()) < MIN_QUERY_LENGTH || text.length() > MAX_QUERY_LENGTH) {
			return List.of();
		}
		Set<String> grams = gramsOf(text);
		if (grams.isEmpty()) {
			// only characters outside the Basic Multilingual Plane (emoji): no name is indexed by them
			return List.of();
		}
		String firstGram = grams.iterator().next();
		return jdbc.sql("""
				SELECT i.id, i.name, r.name AS region_name
				  FROM institution_name_gram g
				  JOIN institution i ON i.id = g.institution_id
				  JOIN region r ON r.code = i.region_code
				 WHERE g.gram = :gram AND i.enabled = TRUE AND i.name LIKE :pattern ESCAPE '\\'
				   AND i.kind IN ('UNIT', 'TRAINING_BASE', 'HEALTH_COMMISSION')
				 ORDER BY LENGTH(i.name), i.name
				 LIMIT :limit""")
			.param("gram", firstGram)
			.param("pattern", "%" + escapeLike(text) + "%")
			.param("limit", MAX_RESULTS)
			.query((rs, n) -> new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("region_name")))
			.list();
	}

	/** The two-character slices of a name (by code point, so a character outside the BMP stays whole). */
	static Set<String> gramsOf(String name) {
		int[] points = name.codePoints().toArray();
		Set<String> grams = new LinkedHashSet<>();
		for (int i = 0; i + 1 < points.length; i++) {
			String gram = new String(points, i, 2);
			if (gram.length() == 2) {
				grams.add(gram);
			}
		}
		return grams;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
