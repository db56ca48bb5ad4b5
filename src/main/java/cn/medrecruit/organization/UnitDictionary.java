package cn.medrecruit.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicants' unit dictionary: enabled employers (units, training bases, health commissions; not the exam bodies,
 * which employ nobody) found by two or more characters of their name.
 * <p>
 * Each name is indexed by its two-character slices. A query is answered from the rows of its rarest slice, read from
 * the index and never more than {@link #CANDIDATES} of them, so the cost stays flat however many units exist: a
 * query whose every slice is common ("卫生", "医院") is shown the shortest matches among the first candidates, with
 * {@link Matches#more()} telling the person to type more of the name.
 */
@Service
@Transactional(readOnly = true)
public class UnitDictionary {

	public static final int MAX_RESULTS = 20;
	public static final int MIN_QUERY_LENGTH = 2;
	public static final int MAX_QUERY_LENGTH = 50;

	/** The most index rows one query reads; a slice this common does not narrow the search. */
	static final int CANDIDATES = 1_000;

	/** A slice with fewer rows than this is rare enough to use without looking at the others. */
	private static final int RARE = 50;

	/** How many of a long query's slices are compared to find the rarest. */
	private static final int SLICES_COMPARED = 6;

	private final JdbcClient jdbc;

	UnitDictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Unit(long id, String name, String regionName) {
	}

	/**
	 * @param units the matches, shortest names first
	 * @param more whether there may be further matches than those shown: the person should type more of the name
	 */
	public record Matches(List<Unit> units, boolean more) {

		static final Matches NONE = new Matches(List.of(), false);
	}

	public List<Unit> search(String query) {
		return find(query).units();
	}

	public Matches find(String query) {
		String text = query == null ? "" : query.strip();
		if (text.codePointCount(0, text.length()) < MIN_QUERY_LENGTH || text.length() > MAX_QUERY_LENGTH) {
			return Matches.NONE;
		}
		Set<String> grams = gramsOf(text);
		if (grams.isEmpty()) {
			// only characters outside the Basic Multilingual Plane (emoji): no name is indexed by them
			return Matches.NONE;
		}
		String rarest = null;
		int rarestRows = Integer.MAX_VALUE;
		for (String gram : spread(grams)) {
			int rows = rowsOf(gram);
			if (rows < rarestRows) {
				rarest = gram;
				rarestRows = rows;
			}
			if (rows < RARE) {
				break;
			}
		}
		if (rarestRows == 0) {
			return Matches.NONE;
		}
		List<Unit> units = jdbc.sql("""
				SELECT i.id, i.name, r.name AS region_name
				  FROM (SELECT institution_id FROM institution_name_gram
				         WHERE gram = :gram ORDER BY institution_id LIMIT :candidates) g
				  JOIN institution i ON i.id = g.institution_id
				  JOIN region r ON r.code = i.region_code
				 WHERE i.enabled = TRUE AND i.name LIKE :pattern ESCAPE '\\'
				   AND i.kind IN ('UNIT', 'TRAINING_BASE', 'HEALTH_COMMISSION')
				 ORDER BY LENGTH(i.name), i.name
				 LIMIT :limit""")
			.param("gram", rarest)
			.param("candidates", CANDIDATES)
			.param("pattern", "%" + escapeLike(text) + "%")
			.param("limit", MAX_RESULTS + 1)
			.query((rs, n) -> new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("region_name")))
			.list();
		boolean more = units.size() > MAX_RESULTS || rarestRows >= CANDIDATES;
		return new Matches(units.size() > MAX_RESULTS ? List.copyOf(units.subList(0, MAX_RESULTS)) : units, more);
	}

	/** At most {@link #SLICES_COMPARED} slices, spread over the whole query. */
	private static List<String> spread(Set<String> grams) {
		List<String> all = List.copyOf(grams);
		if (all.size() <= SLICES_COMPARED) {
			return all;
		}
		List<String> picked = new ArrayList<>(SLICES_COMPARED);
		for (int i = 0; i < SLICES_COMPARED; i++) {
			picked.add(all.get(i * (all.size() - 1) / (SLICES_COMPARED - 1)));
		}
		return picked;
	}

	/** How many names hold the slice, counted up to {@link #CANDIDATES}. */
	private int rowsOf(String gram) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT 1 FROM institution_name_gram WHERE gram = :gram LIMIT :candidates) c""")
			.param("gram", gram)
			.param("candidates", CANDIDATES)
			.query(Integer.class)
			.single();
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
