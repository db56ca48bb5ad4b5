package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.shared.InputRejected;
/**
 * 汇总提交 and 分配交叉审核 on the exam chain 报名点 → 考点 → 考区: an applicant of 连江县医院 goes 连江县报名点 →
 * 福州考点 → 福建考区; 泉州考点 is 福州考点's peer under the same 考区.
 */
@IntegrationTest
class ReviewOpsTests extends ReviewTestSupport {

	@Autowired
	SummarySubmissions summaries;

	@Autowired
	CrossReviews crossReviews;

	CurrentUser point;

	CurrentUser fuzhouSite;

	CurrentUser quanzhouSite;

	CurrentUser area;

	@BeforeEach
	void fixtures() {
		point = staff("ops350122BM", "350122BM", "COUNTY");
		fuzhouSite = staff("ops3501KD", "3501KD", "CITY");
		quanzhouSite = staff("ops3505KD", "3505KD", "CITY");
		area = staff("ops35KQ", "35KQ", "PROVINCE");
	}

	// ------------------------------------------------------------------------------------------ 汇总提交

	@Test
	void anApprovalAtTheExamSiteWaitsAndOneSummaryForwardsThemAll() throws Exception {
		long batch = examBatch();
		ReviewRequest one = atSite("汇总甲", batch);
		ReviewRequest two = atSite("汇总乙", batch);
		assertThat(one.holderInstitutionId()).isEqualTo(institution("3501KD"));

		reviews.approve(fuzhouSite, one.id(), one.version(), null);
		reviews.approve(fuzhouSite, two.id(), two.version(), null);
		one = reload(one);
		assertThat(one.state()).isEqualTo(ReviewState.WAITING);
		assertThat(one.stageLevel()).isEqualTo(StageLevel.EXAM_SITE);
		assertThat(one.holderInstitutionId()).isEqualTo(institution("3501KD"));
		assertThat(inbox(area, batch)).isEmpty();
		assertThat(inbox(fuzhouSite, batch)).isEmpty();
		assertThat(summaries.waitingPerBatch(fuzhouSite)).containsEntry(batch, 2);
		assertThat(applicationStatus(one)).isEqualTo("UNDER_REVIEW");

		// another 考点 has nothing of these to submit
		assertThat(summaries.submit(quanzhouSite, batch, List.of()).forwarded()).isZero();
		assertThat(reload(one).state()).isEqualTo(ReviewState.WAITING);

		SummarySubmissions.Submitted done = summaries.submit(fuzhouSite, batch, List.of());
		assertThat(done.forwarded()).isEqualTo(2);
		for (ReviewRequest request : List.of(reload(one), reload(two))) {
			assertThat(request.state()).isEqualTo(ReviewState.PENDING);
			assertThat(request.stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
			assertThat(request.holderInstitutionId()).isEqualTo(institution("35KQ"));
			assertThat(actions(request)).containsExactly(ReviewAction.APPROVE, ReviewAction.APPROVE,
					ReviewAction.SUMMARY);
		}
		assertThat(inbox(area, batch)).containsExactly(one.id(), two.id());
		assertThat(jdbc.sql("SELECT item_count FROM review_summary WHERE id = :s").param("s", done.summaryId())
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_summary_item WHERE summary_id = :s")
			.param("s", done.summaryId()).query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'REVIEW_SUMMARY_SUBMITTED' AND target = :t")
			.param("t", "review-summary:" + done.summaryId()).query(Integer.class).single()).isEqualTo(1);

		// a second summary of the same items changes nothing
		int version = reload(one).version();
		assertThat(summaries.submit(fuzhouSite, batch, List.of(one.id(), two.id())).forwarded()).isZero();
		assertThat(reload(one).version()).isEqualTo(version);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_summary WHERE batch_id = :b").param("b", batch)
			.query(Integer.class).single()).isEqualTo(1);

		// the 考区 decides them as usual
		ReviewRequest atArea = reload(one);
		reviews.returnForChanges(area, atArea.id(), atArea.version(), "补充材料");
		assertThat(reload(one).state()).isEqualTo(ReviewState.RETURNED);
	}

	@Test
	void onlyTheChosenItemsAreSubmittedAndTheWindowIsRespected() throws Exception {
		long batch = examBatch();
		ReviewRequest one = atSite("选择甲", batch);
		ReviewRequest two = atSite("选择乙", batch);
		reviews.approve(fuzhouSite, one.id(), one.version(), null);
		reviews.approve(fuzhouSite, two.id(), two.version(), null);

		Instant now = clock.instant();
		fixtures.stageWindow(batch, 1, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
		assertRefused(() -> summaries.submit(fuzhouSite, batch, List.of()), "review.refused.window");
		assertThat(reload(one).state()).isEqualTo(ReviewState.WAITING);
		fixtures.stageWindow(batch, 1, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

		assertThat(summaries.submit(fuzhouSite, batch, List.of(two.id())).forwarded()).isEqualTo(1);
		assertThat(reload(one).state()).isEqualTo(ReviewState.WAITING);
		assertThat(reload(two).stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
		assertThat(summaries.waitingPerBatch(fuzhouSite)).containsEntry(batch, 1);
	}

	@Test
	void anApprovalIsWithdrawnUntilItsSummaryIsSubmitted() throws Exception {
		long batch = examBatch();
		ReviewRequest request = atSite("汇总撤办", batch);
		reviews.approve(fuzhouSite, request.id(), request.version(), null);
		Reviews.DecidedRow row = decidedRow(fuzhouSite, request);
		assertThat(row.withdrawable()).isTrue();
		reviews.withdraw(fuzhouSite, row.decision().id());
		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.EXAM_SITE);
		assertThat(summaries.waitingPerBatch(fuzhouSite)).doesNotContainKey(batch);

		reviews.approve(fuzhouSite, request.id(), request.version(), null);
		Reviews.DecidedRow second = decidedRow(fuzhouSite, request);
		summaries.submit(fuzhouSite, batch, List.of());
		assertThat(decidedRow(fuzhouSite, request).withdrawable()).isFalse();
		assertRefused(() -> reviews.withdraw(fuzhouSite, second.decision().id()), "review.refused.withdraw-summarized");
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
	}

	@Test
	void theSummaryPageListsWaitingBatchesAndSubmits() throws Exception {
		long batch = examBatch();
		ReviewRequest request = atSite("汇总页面", batch);
		reviews.approve(fuzhouSite, request.id(), request.version(), null);
		String page = mvc.perform(get("/review/summary").with(user(fuzhouSite))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("waiting-batch-" + batch, "汇总页面", "全部汇总提交");
		mvc.perform(post("/review/summary/" + batch).with(user(fuzhouSite)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "已汇总提交 1 份报名。"));
		mvc.perform(post("/review/summary/" + batch).with(user(fuzhouSite)).with(csrf()))
			.andExpect(flash().attribute("flashError", "没有可汇总提交的报名（可能已经提交过）。"));
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
		mvc.perform(get("/review/summary").with(user(point))).andExpect(status().isForbidden());
	}

	// ------------------------------------------------------------------------------------------ 分配交叉审核

	@Test
	void aSiteAssignsItsPendingItemsToAPeerWhoThenDecides() throws Exception {
		long batch = examBatch();
		ReviewRequest request = atSite("交叉甲", batch);
		assertThat(crossReviews.peers(fuzhouSite)).extracting(CrossReviews.Peer::id)
			.containsExactly(institution("3505KD"));

		List<CrossReviews.ItemResult> results = crossReviews.assign(fuzhouSite,
				Map.of(request.id(), request.version()), institution("3505KD"));
		assertThat(results).singleElement().satisfies(result -> assertThat(result.assigned()).isTrue());
		request = reload(request);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("3505KD"));
		assertThat(request.stageLevel()).isEqualTo(StageLevel.EXAM_SITE);
		assertThat(holders(request)).containsExactly(institution("350122BM"), institution("3505KD"),
				institution("35KQ"));
		assertThat(actions(request)).containsExactly(ReviewAction.APPROVE, ReviewAction.ASSIGN);
		assertThat(inbox(quanzhouSite, batch)).containsExactly(request.id());
		assertThat(inbox(fuzhouSite, batch)).isEmpty();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM review_cross_assignment WHERE request_id = :r AND from_institution_id = :f
				   AND to_institution_id = :t AND actor = 'ops3501KD'""")
			.param("r", request.id()).param("f", institution("3501KD")).param("t", institution("3505KD"))
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'REVIEW_CROSS_ASSIGNED' AND target = :t")
			.param("t", "review:" + request.id()).query(Integer.class).single()).isEqualTo(1);

		// the assigner no longer holds it
		ReviewRequest assigned = request;
		assertRefused(() -> reviews.approve(fuzhouSite, assigned.id(), assigned.version(), null),
				"review.refused.holder");
		assertThat(crossReviews.assign(fuzhouSite, Map.of(request.id(), request.version()), institution("3505KD")))
			.singleElement()
			.satisfies(result -> assertThat(result.messageKey()).isEqualTo("review.refused.holder"));

		// the assignee decides with the usual actions; its approval waits for its own summary
		reviews.approve(quanzhouSite, request.id(), request.version(), null);
		assertThat(summaries.waitingPerBatch(quanzhouSite)).containsEntry(batch, 1);
		assertThat(summaries.submit(quanzhouSite, batch, List.of()).forwarded()).isEqualTo(1);
		assertThat(reload(request).holderInstitutionId()).isEqualTo(institution("35KQ"));
	}

	@Test
	void assigningOutsideThePeersOrOfItemsNotPendingHereIsRefused() throws Exception {
		long batch = examBatch();
		ReviewRequest atSite = atSite("交叉拒", batch);
		ReviewRequest atPoint = submit("交叉拒点", batch);

		// another kind or level: the 考区, a city commission, a 报名点
		for (String code : List.of("35KQ", "350100", "350122BM")) {
			assertRefused(() -> crossReviews.assign(fuzhouSite, Map.of(atSite.id(), atSite.version()),
					institution(code)), "review.refused.cross-target");
		}
		// an item pending at another holder, and a stale version
		List<CrossReviews.ItemResult> refused = crossReviews.assign(fuzhouSite, Map.of(atPoint.id(),
				atPoint.version(), atSite.id(), atSite.version() + 1), institution("3505KD"));
		assertThat(refused).extracting(CrossReviews.ItemResult::messageKey)
			.containsExactlyInAnyOrder("review.refused.holder", "review.refused.stale");
		// the name only of what the site holds: a posted id of another holder's item reveals nothing
		assertThat(refused).extracting(CrossReviews.ItemResult::applicantName).containsExactlyInAnyOrder("", "交叉拒");
		assertThat(reload(atSite).holderInstitutionId()).isEqualTo(institution("3501KD"));
		assertThat(reload(atPoint).holderInstitutionId()).isEqualTo(institution("350122BM"));

		// an item waiting for its summary is no longer pending
		reviews.approve(fuzhouSite, atSite.id(), atSite.version(), null);
		ReviewRequest waiting = reload(atSite);
		assertThat(crossReviews.assign(fuzhouSite, Map.of(waiting.id(), waiting.version()), institution("3505KD")))
			.extracting(CrossReviews.ItemResult::messageKey)
			.containsExactly("review.refused.state");

		// without the permission (a 报名点 account has the county role)
		mvc.perform(post("/review/cross-assign").param("items", atPoint.id() + ":" + atPoint.version())
			.param("target", String.valueOf(institution("350102BM"))).with(user(point)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(reload(atPoint).holderInstitutionId()).isEqualTo(institution("350122BM"));
	}

	@Test
	void theInboxAssignsTheCheckedItems() throws Exception {
		long batch = examBatch();
		ReviewRequest request = atSite("交叉页面", batch);
		String page = mvc.perform(get("/review").with(user(fuzhouSite))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("cross-target", "泉州考点");
		mvc.perform(post("/review/cross-assign").param("items", request.id() + ":" + request.version())
			.param("target", String.valueOf(institution("3505KD"))).with(user(fuzhouSite)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "已分配 1 份，未分配 0 份。"));
		assertThat(reload(request).holderInstitutionId()).isEqualTo(institution("3505KD"));
		String detail = mvc.perform(get("/review/requests/" + request.id()).with(user(quanzhouSite)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("分配交叉审核", "泉州考点");
	}

	// ------------------------------------------------------------------------------------------ inbox, notices, status

	@Test
	void theInboxCountsThisHoldersDecisionsPerStatusAndFiltersByCohort() throws Exception {
		long batch = examBatch();
		Reviews.Counts before = reviews.counts(point);
		ReviewRequest approved = submit("计数通过", batch);
		ReviewRequest returned = submit("计数退回", batch);
		ReviewRequest withdrawn = submit("计数撤办", batch);
		reviews.approve(point, approved.id(), approved.version(), null);
		reviews.returnForChanges(point, returned.id(), returned.version(), "补材料");
		reviews.approve(point, withdrawn.id(), withdrawn.version(), null);
		reviews.withdraw(point, decidedRow(point, withdrawn).decision().id());

		Reviews.Counts after = reviews.counts(point);
		assertThat(after.approved() - before.approved()).isEqualTo(1);
		assertThat(after.returned() - before.returned()).isEqualTo(1);
		assertThat(after.rejected() - before.rejected()).isZero();
		assertThat(after.pending() - before.pending()).isEqualTo(1);
		String page = mvc.perform(get("/review").with(user(point))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("本单位通过 " + after.approved(), "本单位退回 " + after.returned(),
				"待审 " + after.pending(), "id=\"cohort\"");

		long cohort = jdbc.sql("SELECT cohort_id FROM batch WHERE id = :b").param("b", batch)
			.query(Long.class).single();
		assertThat(page).contains("value=\"" + cohort + "\"");
		InboxQuery byCohort = new InboxQuery(null, cohort, null, null, null, null, null, false, null, null);
		assertThat(reviews.inbox(point, byCohort).rows()).extracting(ReviewRequest::id).contains(withdrawn.id());
		InboxQuery otherCohort = new InboxQuery(null, -1L, null, null, null, null, null, false, null, null);
		assertThat(reviews.inbox(point, otherCohort).rows()).isEmpty();
	}

	@Test
	void theReturnedNoticeAlsoOpensAsAModalAfterSigningIn() throws Exception {
		long batch = examBatch();
		ReviewRequest request = atSite("弹窗", batch);
		reviews.dismissReturned(point);
		mvc.perform(get("/").with(user(point))).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("returned-modal"))));
		clock.advance(Duration.ofMinutes(1));
		reviews.returnForChanges(fuzhouSite, request.id(), request.version(), "照片不清");
		String home = mvc.perform(get("/").with(user(point))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(home).contains("id=\"returned-modal\"", "data-show-once=\"returned-1\"", "home-returned-notice");
		assertThat(home).doesNotContain("<script>");
	}

	@Test
	void afterAResubmissionTheStatusDoesNotOfferToCancel() throws Exception {
		long batch = examBatch();
		ReviewRequest request = submit("重新提交", batch);
		CurrentUser applicant = fixtures.reviewer(jdbc.sql("SELECT login_name FROM account WHERE id = :a")
			.param("a", request.applicant().value()).query(String.class).single());
		String fresh = mvc.perform(get("/applications/" + request.subjectId()).with(user(applicant)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(fresh).contains("可以取消报名");

		reviews.returnForChanges(point, request.id(), request.version(), "请补充");
		assertThat(applications.resubmit(request.applicant(), request.subjectId(), applicant)).isTrue();
		assertThat(applicationStatus(request)).isEqualTo("SUBMITTED");
		String page = mvc.perform(get("/applications/" + request.subjectId()).with(user(applicant)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已有审核意见的报名不能取消").doesNotContain("可以取消报名");
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** Submitted and approved by the 报名点: pending at 福州考点. */
	private ReviewRequest atSite(String name, long batch) throws Exception {
		ReviewRequest request = submit(name, batch);
		reviews.approve(point, request.id(), request.version(), null);
		return reload(request);
	}

	private List<Long> holders(ReviewRequest request) {
		return reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow().route().stream()
			.map(RouteStage::holderInstitutionId).toList();
	}

	private List<ReviewAction> actions(ReviewRequest request) {
		return reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow().decisions().stream()
			.map(ReviewDecision::action).toList();
	}

	private Reviews.DecidedRow decidedRow(CurrentUser reviewer, ReviewRequest request) {
		return reviews.decided(reviewer, null).stream()
			.filter(row -> row.decision().requestId() == request.id() && row.decision().action() == ReviewAction.APPROVE)
			.findFirst()
			.orElseThrow();
	}

	private String applicationStatus(ReviewRequest request) {
		return jdbc.sql("SELECT status FROM application WHERE id = :id").param("id", request.subjectId())
			.query(String.class).single();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOf(InputRejected.class)
			.satisfies(e -> assertThat(((InputRejected) e).messageKey()).isEqualTo(key));
	}
}
