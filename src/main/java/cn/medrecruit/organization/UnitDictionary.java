package cn.medrecruit.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.medrecruit.shared.LikePatterns;

/**
 * The applicants' unit dictionary: enabled employers (units, training bases, health commissions; not the exam bodies,
 * which employ nobody) found by two or more characters of their name.
 * <p>
 * Each name is indexed by its two-character slices. A query reads at most {@link #CANDIDATES} index rows per slice,
 * keeps the names that hold all of its slices, and checks and orders only those, so the cost stays flat however many
 * units exist. A query whose every slice is common ("卫生", "医院") is shown the shortest matches among the first
 * candidates, with {@link Matches#more()} telling the person to type more of the name.
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
		Set<Long> candidates = null;
		List<Long> cutShort = null;
		for (String gram : spread(grams)) {
			List<Long> ids = idsOf(gram);
			if (ids.size() > CANDIDATES) {
				// too common to narrow the search: its list is cut, so it cannot rule a name out
				cutShort = cutShort == null ? ids.subList(0, CANDIDATES) : cutShort;
				continue;
			}
			if (candidates == null) {
				candidates = new LinkedHashSet<>(ids);
			}
			else {
				candidates.retainAll(ids);
			}
			if (candidates.size() < RARE) {
				break;
			}
		}
		boolean cut = candidates == null;
		Collection<Long> ids = cut ? cutShort : candidates;
		if (ids.isEmpty()) {
			return Matches.NONE;
		}
		List<Unit> units = jdbc.sql("""
				SELECT u.id, u.name, r.name AS region_name
				  FROM (SELECT i.id, i.name, i.region_code
				          FROM institution i
				         WHERE i.id IN (:ids) AND i.enabled = TRUE AND i.name LIKE :pattern ESCAPE '\\'
				           AND i.kind IN ('UNIT', 'TRAINING_BASE', 'HEALTH_COMMISSION')
				         ORDER BY LENGTH(i.name), i.name
				         LIMIT :limit) u
				  JOIN region r ON r.code = u.region_code
				 ORDER BY LENGTH(u.name), u.name""")
			.param("ids", ids)
			.param("pattern", LikePatterns.containing(text))
			.param("limit", MAX_RESULTS + 1)
			.query((rs, n) -> new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("region_name")))
			.list();
		boolean more = units.size() > MAX_RESULTS || cut;
		return new Matches(units.size() > MAX_RESULTS ? List.copyOf(units.subList(0, MAX_RESULTS)) : units, more);
	}

	/** The names holding the slice, by id; one more than {@link #CANDIDATES} when there are that many. */
	private List<Long> idsOf(String gram) {
		return jdbc.sql("""
				SELECT institution_id FROM institution_name_gram WHERE gram = :gram ORDER BY institution_id LIMIT :limit""")
			.param("gram", gram)
			.param("limit", CANDIDATES + 1)
			.query(Long.class)
			.list();
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

}
