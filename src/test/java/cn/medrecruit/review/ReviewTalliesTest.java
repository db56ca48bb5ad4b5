package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.StageLevel;
/**
 * The tallies behind the reviewer pages' counts and the returned-later notice stay equal to the full queries over the
 * decision history (the queries the counts ran before the tallies, kept here as the oracle), for every institution,
 * after every kind of transition: open with skipped stages, approve, reject (returning and ending), return, withdraw
 * of an approval and of a rejection, resubmit, cancel, batch approval with refused items (one refused by the
 * application's listener after the engine wrote), summary submission, batch submission (批量提交) and cross assignment.
 */
@IntegrationTest
class ReviewTalliesTest extends ReviewTestSupport {

	@Autowired
	ReviewTallies tallies;

	@Autowired
	SummarySubmissions summaries;

	@Autowired
	CrossReviews crossReviews;

	@Autowired
	BatchSubmissions batchSubmissions;

	@Test
	void theTalliesFollowEveryTransitionOfTheCountyChain() throws Exception {
		long batch = fixtures.countyChainBatch("计数" + System.nanoTime(), clock.instant());
		ReviewRequest a = submit("计数甲", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest b = submit("计数乙", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest c = submit("计数丙", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest d = submit("计数丁", "35010001", batch);
		ReviewRequest e = submit("计数戊", null, batch);
		ReviewRequest f = submit("计数己", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		assertTalliesMatch("opened, with skipped stages");

		applications.cancel(f.applicant(), f.subjectId(), applicant(f));
		assertThat(reload(f).state()).isEqualTo(ReviewState.CANCELLED);
		assertTalliesMatch("cancelled");

		// approved by county and city, returned by the province: returned later for both
		reviews.approve(county, a.id(), a.version(), null);
		reviews.approve(city, a.id(), reload(a).version(), null);
		tick();
		reviews.returnForChanges(province, a.id(), reload(a).version(), "请补充");
		assertTalliesMatch("returned at the province");

		// the city's rejection returns; withdrawn, the county's item no longer counts as returned later
		reviews.approve(county, b.id(), b.version(), null);
		tick();
		reviews.reject(city, b.id(), reload(b).version(), "不符合");
		assertTalliesMatch("rejected (returning) at the city");
		reviews.withdraw(city, decision(b, ReviewAction.REJECT));
		assertThat(reload(b).state()).isEqualTo(ReviewState.PENDING);
		assertTalliesMatch("rejection withdrawn");

		// an approval withdrawn, then a return, a resubmission and the whole chain again
		reviews.approve(county, c.id(), c.version(), null);
		reviews.withdraw(county, decision(c, ReviewAction.APPROVE));
		assertTalliesMatch("approval withdrawn");
		tick();
		reviews.returnForChanges(county, c.id(), reload(c).version(), "重拍");
		assertThat(applications.resubmit(c.applicant(), c.subjectId(), applicant(c))).isTrue();
		assertThat(reload(c).round()).isEqualTo(2);
		assertTalliesMatch("resubmitted");
		reviews.approve(county, c.id(), reload(c).version(), null);
		reviews.approve(city, c.id(), reload(c).version(), null);
		for (ReviewSubject.Evidence evidence : reviews.detail(province, c.id()).orElseThrow().subject().evidence()) {
			reviews.checkImage(province, c.id(), evidence.fileId(), true, null);
		}
		reviews.approve(province, c.id(), reload(c).version(), null);
		assertThat(reload(c).state()).isEqualTo(ReviewState.APPROVED);
		assertTalliesMatch("approved finally in round 2");

		// a final rejection at the province of a city hospital's applicant (the county stage skipped)
		reviews.approve(city, d.id(), d.version(), null);
		tick();
		reviews.reject(province, d.id(), reload(d).version(), "不合格");
		assertThat(reload(d).state()).isEqualTo(ReviewState.REJECTED);
		assertTalliesMatch("rejected finally");

		// the notice since the city last dismissed it
		tick();
		reviews.dismissReturned(city);
		Instant seen = clock.instant();
		assertThat(reviews.returnedSinceSeen(city)).isZero();
		tick();
		reviews.approve(city, b.id(), reload(b).version(), null);
		tick();
		reviews.returnForChanges(province, b.id(), reload(b).version(), "再补充");
		assertThat(reviews.returnedSinceSeen(city)).isEqualTo(1).isEqualTo(returnedLater(institution("350100"), seen));
		Instant countySeen = jdbc.sql("SELECT seen_until FROM review_notice_seen WHERE account_id = :a")
			.param("a", county.getAccountId())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(Instant.EPOCH);
		assertThat(reviews.returnedSinceSeen(county)).isEqualTo(returnedLater(institution("350122"), countySeen));
		assertTalliesMatch("returned after the city dismissed the notice");

		// a batch approval: one approved, one stale, one refused by the application after the engine wrote
		ReviewRequest g = submit("计数庚", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest h = submit("计数辛", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest i = submit("计数壬", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		jdbc.sql("UPDATE application SET status = 'DRAFT' WHERE id = :id").param("id", i.subjectId()).update();
		Map<Long, Integer> items = new LinkedHashMap<>();
		items.put(i.id(), i.version());
		items.put(g.id(), g.version());
		items.put(h.id(), h.version() + 1);
		items.put(e.id(), e.version());
		assertThat(reviews.approveMany(county, items, null)).extracting(Reviews.ItemResult::messageKey)
			.containsExactly("review.refused.state", "review.approved", "review.refused.stale",
					"review.refused.missing");
		assertThat(reload(i).stageIndex()).isZero();
		assertThat(decisions(i)).as("the refused item's decision was rolled back").isZero();
		assertThat(reload(g).stageIndex()).isEqualTo(1);
		assertTalliesMatch("batch approval");
	}

	@Test
	void theTalliesFollowSummarySubmissionBatchSubmissionAndCrossAssignment() throws Exception {
		CurrentUser point = staff("ops350122BM", "350122BM", "COUNTY");
		CurrentUser fuzhouSite = staff("ops3501KD", "3501KD", "CITY");
		long batch = examBatch();
		ReviewRequest one = submit("计数汇总甲", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest two = submit("计数汇总乙", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest three = submit("计数交叉", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest four = submit("计数批量提交", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		for (ReviewRequest request : List.of(one, two, three, four)) {
			reviews.approve(point, request.id(), request.version(), null);
		}
		reviews.approve(fuzhouSite, one.id(), reload(one).version(), null);
		reviews.approve(fuzhouSite, two.id(), reload(two).version(), null);
		assertThat(reload(one).state()).isEqualTo(ReviewState.WAITING);
		assertThat(reviews.counts(fuzhouSite).waiting()).isEqualTo(
				summaries.waitingPerBatch(fuzhouSite).values().stream().mapToInt(Integer::intValue).sum());
		assertTalliesMatch("waiting for the summary");

		reviews.withdraw(fuzhouSite, decision(two, ReviewAction.APPROVE));
		assertTalliesMatch("a waiting approval withdrawn");
		assertThat(summaries.submit(fuzhouSite, batch, List.of()).forwarded()).isEqualTo(1);
		assertTalliesMatch("summary submitted");

		ReviewRequest chosen = reload(four);
		assertThat(batchSubmissions.submit(fuzhouSite, Map.of(chosen.id(), chosen.version()), null))
			.extracting(BatchSubmissions.ItemResult::submitted)
			.containsExactly(true);
		assertThat(reload(four).stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
		assertTalliesMatch("submitted on by 批量提交");

		ReviewRequest atSite = reload(three);
		assertThat(crossReviews.assign(fuzhouSite, Map.of(atSite.id(), atSite.version()), institution("3505KD")))
			.extracting(CrossReviews.ItemResult::assigned)
			.containsExactly(true);
		assertThat(reload(three).holderInstitutionId()).isEqualTo(institution("3505KD"));
		assertTalliesMatch("assigned for cross review");
	}

	// ------------------------------------------------------------------------------------------ the oracle

	/** Every institution's tallies equal the full queries, and so do its returned-later rows at several times. */
	private void assertTalliesMatch(String after) {
		List<Long> holders = jdbc.sql("""
				SELECT holder_institution_id FROM review_tally
				UNION SELECT holder_institution_id FROM review_request
				UNION SELECT holder_institution_id FROM review_decision WHERE holder_institution_id IS NOT NULL
				ORDER BY 1""")
			.query(Long.class)
			.list();
		List<Instant> times = jdbc.sql("SELECT DISTINCT decided_at FROM review_decision ORDER BY decided_at")
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.toList();
		List<Instant> since = new ArrayList<>(List.of(Instant.EPOCH));
		since.add(times.get(times.size() / 2));
		since.add(times.get(times.size() - 1).minusMillis(1));
		for (long holder : holders) {
			assertThat(tallies.of(holder)).as("tallies of %d after %s", holder, after).isEqualTo(oracle(holder));
			for (Instant at : since) {
				assertThat(tallies.returnedLaterSince(holder, at))
					.as("returned later at %d since %s after %s", holder, at, after)
					.isEqualTo(returnedLater(holder, at));
			}
		}
	}

	/** What the counts were before the tallies: the full queries of the history. */
	private Map<ReviewTallies.Kind, Integer> oracle(long holder) {
		Map<ReviewTallies.Kind, Integer> counts = new EnumMap<>(ReviewTallies.Kind.class);
		for (ReviewTallies.Kind kind : ReviewTallies.Kind.values()) {
			counts.put(kind, 0);
		}
		counts.put(ReviewTallies.Kind.PENDING, count(
				"SELECT COUNT(*) FROM review_request WHERE holder_institution_id = :h AND state = 'PENDING'", holder));
		counts.put(ReviewTallies.Kind.WAITING, count(
				"SELECT COUNT(*) FROM review_request WHERE holder_institution_id = :h AND state = 'WAITING'", holder));
		counts.put(ReviewTallies.Kind.DECIDED, count("""
				SELECT COUNT(*) FROM (SELECT DISTINCT request_id FROM review_decision
				 WHERE holder_institution_id = :h AND action IN ('APPROVE', 'REJECT', 'RETURN')) decided""", holder));
		jdbc.sql("""
				SELECT d.action, COUNT(DISTINCT d.request_id) FROM review_decision d
				 WHERE d.holder_institution_id = :h AND d.action IN ('APPROVE', 'REJECT', 'RETURN')
				   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = d.id)
				 GROUP BY d.action""")
			.param("h", holder)
			.query((rs, n) -> counts.put(ReviewTallies.Kind.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		counts.put(ReviewTallies.Kind.RETURNED_LATER, returnedLater(holder, Instant.EPOCH));
		return counts;
	}

	private int returnedLater(long holder, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT later.request_id) FROM review_decision mine
				  JOIN review_decision later ON later.request_id = mine.request_id AND later.round_no = mine.round_no
				   AND later.stage_index > mine.stage_index AND later.action IN ('REJECT', 'RETURN')
				 WHERE mine.holder_institution_id = :h AND mine.action = 'APPROVE' AND later.decided_at > :since
				   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = later.id)""")
			.param("h", holder)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	private int count(String sql, long holder) {
		return jdbc.sql(sql).param("h", holder).query(Integer.class).single();
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** Decisions a second apart, so the notice's times differ. */
	private void tick() {
		clock.advance(Duration.ofSeconds(1));
	}

	private CurrentUser applicant(ReviewRequest request) {
		return (CurrentUser) users.loadUserByUsername(jdbc.sql("SELECT login_name FROM account WHERE id = :id")
			.param("id", request.applicant().value())
			.query(String.class)
			.single());
	}

	/** The newest decision of that action on the request. */
	private long decision(ReviewRequest request, ReviewAction action) {
		return jdbc.sql("SELECT MAX(id) FROM review_decision WHERE request_id = :r AND action = :a")
			.param("r", request.id())
			.param("a", action.name())
			.query(Long.class)
			.single();
	}

	private int decisions(ReviewRequest request) {
		return jdbc.sql("SELECT COUNT(*) FROM review_decision WHERE request_id = :r AND action <> 'SKIP'")
			.param("r", request.id())
			.query(Integer.class)
			.single();
	}

}
