package cn.medrecruit.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The counts of the reviewer pages per institution, kept up to date in the transaction that changes a request, so
 * that opening 待审 reads a handful of rows whatever the size of the institution's history.
 * <p>
 * Every count is a count of requests, so each request adds a set of (institution, kind) keys to the tallies, computed
 * from the request's state and holder and its log alone ({@link Facts#keys()}). A change of a request, made with the
 * request row locked, moves the tallies by the difference between its keys before and after ({@link Changes}); the
 * tallies thus stay equal to the full queries over the history (the migration's backfill, the benchmark's seeding and
 * {@code ReviewTalliesTest} use those). Changes are written last in a transaction, in key order, so the hot tally
 * rows are locked for the shortest time and never in crossing orders.
 */
@Component
class ReviewTallies {

	/** What is counted per institution. */
	enum Kind {
		/** requests the institution holds, pending */
		PENDING,
		/** requests the institution holds, approved and waiting for its summary submission */
		WAITING,
		/** requests the institution approved, rejected or returned at least once (withdrawn decisions too) */
		DECIDED,
		/** requests with an approval of the institution that was not withdrawn */
		APPROVE,
		/** requests with a rejection of the institution that was not withdrawn */
		REJECT,
		/** requests with a return of the institution that was not withdrawn */
		RETURN,
		/** requests the institution approved that a later stage of the same round returned or rejected */
		RETURNED_LATER
	}

	record Key(long holder, Kind kind) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byHolder = Long.compare(holder, other.holder);
			return byHolder != 0 ? byHolder : kind.compareTo(other.kind);
		}
	}

	/** A request as the tallies see it: its state, its holder and every line of its log. No request: {@link #NONE}. */
	record Facts(long requestId, ReviewState state, long holder, List<ReviewDecision> log) {

		static final Facts NONE = new Facts(0, null, 0, List.of());

		/**
		 * The request after a change: in {@code state} at {@code holder}, with {@code lines} appended to its log (a
		 * {@link ReviewAction#WITHDRAW} marks the decision it names as withdrawn).
		 */
		Facts then(long requestId, ReviewState state, long holder, ReviewDecision... lines) {
			Set<Long> withdrawn = new HashSet<>();
			for (ReviewDecision line : lines) {
				if (line.withdrawsId() != null) {
					withdrawn.add(line.withdrawsId());
				}
			}
			List<ReviewDecision> next = new ArrayList<>(log.size() + lines.length);
			for (ReviewDecision line : log) {
				next.add(withdrawn.contains(line.id()) && !line.withdrawn() ? withdrawnCopy(line) : line);
			}
			Collections.addAll(next, lines);
			return new Facts(requestId, state, holder, next);
		}

		Set<Key> keys() {
			Set<Key> keys = new HashSet<>();
			if (state == ReviewState.PENDING) {
				keys.add(new Key(holder, Kind.PENDING));
			}
			else if (state == ReviewState.WAITING) {
				keys.add(new Key(holder, Kind.WAITING));
			}
			for (ReviewDecision line : log) {
				if (decides(line) && line.holderInstitutionId() != null) {
					keys.add(new Key(line.holderInstitutionId(), Kind.DECIDED));
					if (!line.withdrawn()) {
						keys.add(new Key(line.holderInstitutionId(), Kind.valueOf(line.action().name())));
					}
				}
			}
			returnedLater().keySet().forEach(holder -> keys.add(new Key(holder, Kind.RETURNED_LATER)));
			return keys;
		}

		/**
		 * Per institution that approved the request at some stage of a round, the newest return or rejection (not
		 * withdrawn) of a later stage of that round.
		 */
		Map<Long, Instant> returnedLater() {
			Map<Long, Instant> latest = new HashMap<>();
			for (ReviewDecision later : log) {
				boolean returns = later.action() == ReviewAction.REJECT || later.action() == ReviewAction.RETURN;
				if (!returns || later.withdrawn()) {
					continue;
				}
				for (ReviewDecision mine : log) {
					if (mine.action() == ReviewAction.APPROVE && mine.holderInstitutionId() != null
							&& mine.round() == later.round() && mine.stageIndex() < later.stageIndex()) {
						latest.merge(mine.holderInstitutionId(), later.at(), (a, b) -> a.isAfter(b) ? a : b);
					}
				}
			}
			return latest;
		}

		private static boolean decides(ReviewDecision line) {
			return line.action() == ReviewAction.APPROVE || line.action() == ReviewAction.REJECT
					|| line.action() == ReviewAction.RETURN;
		}

		private static ReviewDecision withdrawnCopy(ReviewDecision d) {
			return new ReviewDecision(d.id(), d.requestId(), d.round(), d.stageIndex(), d.level(),
					d.holderInstitutionId(), d.action(), d.opinion(), d.withdrawsId(), d.actor(), d.at(), true);
		}
	}

	/** The changes of one transaction (of one request, or of a group of them), written at once. */
	static final class Changes {

		private final Map<Key, Long> deltas = new TreeMap<>();

		/** (institution, request) → the newest later return's time, or null when the row goes. */
		private final Map<List<Long>, Instant> returnedLater = new HashMap<>();

		private final Set<List<Long>> returnedLaterGone = new HashSet<>();

		Changes add(Facts before, Facts after) {
			Set<Key> was = before.keys();
			Set<Key> is = after.keys();
			is.stream().filter(key -> !was.contains(key)).forEach(key -> deltas.merge(key, 1L, Long::sum));
			was.stream().filter(key -> !is.contains(key)).forEach(key -> deltas.merge(key, -1L, Long::sum));
			Map<Long, Instant> wasLater = before.returnedLater();
			Map<Long, Instant> isLater = after.returnedLater();
			long request = after.state() != null ? after.requestId() : before.requestId();
			Set<Long> holders = new HashSet<>(wasLater.keySet());
			holders.addAll(isLater.keySet());
			for (Long holder : holders) {
				Instant at = isLater.get(holder);
				if (!Objects.equals(wasLater.get(holder), at)) {
					List<Long> row = List.of(holder, request);
					if (at == null) {
						returnedLater.remove(row);
						returnedLaterGone.add(row);
					}
					else {
						returnedLaterGone.remove(row);
						returnedLater.put(row, at);
					}
				}
			}
			return this;
		}

		void addAll(Changes other) {
			other.deltas.forEach((key, delta) -> deltas.merge(key, delta, Long::sum));
			other.returnedLaterGone.forEach(row -> {
				returnedLater.remove(row);
				returnedLaterGone.add(row);
			});
			other.returnedLater.forEach((row, at) -> {
				returnedLaterGone.remove(row);
				returnedLater.put(row, at);
			});
		}
	}

	private final JdbcClient jdbc;
	private final boolean postgres;

	ReviewTallies(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.postgres = "PostgreSQL".equals(
				JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName()));
	}

	/** Moves the tallies by the changes: one statement for the counts, one per returned-later row that changes. */
	void write(Changes changes) {
		List<Map.Entry<Key, Long>> moved = changes.deltas.entrySet().stream().filter(e -> e.getValue() != 0).toList();
		if (!moved.isEmpty()) {
			StringBuilder rows = new StringBuilder();
			Map<String, Object> params = new HashMap<>();
			for (int i = 0; i < moved.size(); i++) {
				rows.append(i == 0 ? "" : ", ")
					.append(postgres ? "(:h" + i + ", :k" + i + ", :n" + i + ")"
							: "(CAST(:h" + i + " AS BIGINT), CAST(:k" + i + " AS VARCHAR(16)), CAST(:n" + i + " AS BIGINT))");
				params.put("h" + i, moved.get(i).getKey().holder());
				params.put("k" + i, moved.get(i).getKey().kind().name());
				params.put("n" + i, moved.get(i).getValue());
			}
			jdbc.sql(postgres ? """
					INSERT INTO review_tally (holder_institution_id, kind, n) VALUES %s
					ON CONFLICT (holder_institution_id, kind) DO UPDATE SET n = review_tally.n + EXCLUDED.n""".formatted(rows)
					: """
							MERGE INTO review_tally t USING (VALUES %s) AS s (h, k, n)
							   ON t.holder_institution_id = s.h AND t.kind = s.k
							 WHEN MATCHED THEN UPDATE SET n = t.n + s.n
							 WHEN NOT MATCHED THEN INSERT (holder_institution_id, kind, n) VALUES (s.h, s.k, s.n)"""
						.formatted(rows))
				.params(params)
				.update();
		}
		for (List<Long> row : changes.returnedLaterGone) {
			jdbc.sql("DELETE FROM review_returned_later WHERE holder_institution_id = :h AND request_id = :r")
				.param("h", row.get(0))
				.param("r", row.get(1))
				.update();
		}
		changes.returnedLater.forEach((row, at) -> jdbc.sql(postgres ? """
				INSERT INTO review_returned_later (holder_institution_id, request_id, returned_at) VALUES (:h, :r, :at)
				ON CONFLICT (holder_institution_id, request_id) DO UPDATE SET returned_at = EXCLUDED.returned_at"""
				: """
						MERGE INTO review_returned_later (holder_institution_id, request_id, returned_at)
						KEY (holder_institution_id, request_id) VALUES (:h, :r, :at)""")
			.param("h", row.get(0))
			.param("r", row.get(1))
			.param("at", Timestamp.from(at))
			.update());
	}

	/** The institution's tallies; kinds it never had count zero. */
	Map<Kind, Integer> of(long holder) {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			counts.put(kind, 0);
		}
		jdbc.sql("SELECT kind, n FROM review_tally WHERE holder_institution_id = :h")
			.param("h", holder)
			.query((rs, n) -> counts.put(Kind.valueOf(rs.getString(1)), Math.toIntExact(rs.getLong(2))))
			.list();
		return counts;
	}

	/**
	 * The requests the institution approved that a later stage returned or rejected after {@code since}: an index
	 * range of the institution's returned-later rows after that time, as many as the answer counts.
	 */
	int returnedLaterSince(long holder, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM review_returned_later WHERE holder_institution_id = :h AND returned_at > :since""")
			.param("h", holder)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}
}
