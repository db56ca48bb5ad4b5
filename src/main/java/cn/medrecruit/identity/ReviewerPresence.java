package cn.medrecruit.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which institutions have someone to act for them: an enabled staff account. The review engine asks it for the
 * province's list of stages held by institutions that nobody can review for.
 */
@Service
@Transactional(readOnly = true)
public class ReviewerPresence {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	ReviewerPresence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ones among {@code institutionIds} that have at least one enabled staff account. */
	public Set<Long> withEnabledStaff(Collection<Long> institutionIds) {
		List<Long> ids = List.copyOf(new HashSet<>(institutionIds));
		Set<Long> found = new HashSet<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			found.addAll(jdbc.sql("""
					SELECT DISTINCT institution_id FROM account
					 WHERE kind = 'STAFF' AND enabled = TRUE AND institution_id IN (:ids)""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.query(Long.class)
				.list());
		}
		return found;
	}
}
