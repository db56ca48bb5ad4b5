package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.StageLevel;
/**
 * 批量提交 on the exam chain 报名点 → 考点 → 考区, whose 考点 otherwise waits for 汇总提交: 福州考点 approves chosen
 * requests and submits each on to 福建考区 at once, with a result per request; the 报名点 (a county-level role) may not.
 */
@IntegrationTest
class BatchSubmitTests extends ReviewTestSupport {

	@Autowired
	BatchSubmissions batchSubmissions;

	@Autowired
	SummarySubmissions summaries;

	CurrentUser point;

	CurrentUser site;

	CurrentUser area;

	@BeforeEach
	void fixtures() {
		point = staff("bs350122BM", "350122BM", "COUNTY");
		site = staff("bs3501KD", "3501KD", "CITY");
		area = staff("bs35KQ", "35KQ", "PROVINCE");
	}

	@Test
	void theChosenRequestsAreApprovedAndSubmittedOnEachWithItsResult() throws Exception {
		long batch = examBatch();
		ReviewRequest one = atSite("批量甲", batch);
		ReviewRequest two = atSite("批量乙", batch);
		ReviewRequest stale = atSite("批量旧", batch);
		ReviewRequest untouched = atSite("批量未选", batch);
		Map<Long, Integer> chosen = new LinkedHashMap<>();
		chosen.put(one.id(), one.version());
		chosen.put(two.id(), two.version());
		chosen.put(stale.id(), stale.version() - 1);

		List<BatchSubmissions.ItemResult> results = batchSubmissions.submit(site, chosen, "与花名册核对无误");

		assertThat(results).extracting(BatchSubmissions.ItemResult::applicantName)
			.containsExactly("批量甲", "批量乙", "批量旧");
		assertThat(results).extracting(BatchSubmissions.ItemResult::submitted).containsExactly(true, true, false);
		assertThat(results).extracting(BatchSubmissions.ItemResult::messageKey).containsExactly(
				"review.batch-submit.submitted", "review.batch-submit.submitted", "review.refused.stale");
		for (ReviewRequest request : List.of(reload(one), reload(two))) {
			assertThat(request.state()).as("not left waiting for a summary").isEqualTo(ReviewState.PENDING);
			assertThat(request.stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
			assertThat(request.holderInstitutionId()).isEqualTo(institution("35KQ"));
			List<ReviewDecision> log = decisions(request);
			assertThat(log).extracting(ReviewDecision::action)
				.containsExactly(ReviewAction.APPROVE, ReviewAction.APPROVE, ReviewAction.SUBMIT);
			assertThat(log.get(1).opinion()).isEqualTo("与花名册核对无误");
			assertThat(audited("REVIEW_SUBMITTED", request)).isEqualTo(1);
		}
		assertThat(reload(stale).stageLevel()).isEqualTo(StageLevel.EXAM_SITE);
		assertThat(reload(stale).state()).isEqualTo(ReviewState.PENDING);
		assertThat(reload(untouched).state()).isEqualTo(ReviewState.PENDING);
		assertThat(summaries.waitingPerBatch(site)).doesNotContainKey(batch);
		assertThat(inbox(area, batch)).containsExactlyInAnyOrder(one.id(), two.id());
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE action = 'REVIEW_BATCH_SUBMITTED' AND actor = 'bs3501KD'
				   AND detail LIKE 'submitted 2 of 3%'""").query(Integer.class).single()).isPositive();
		// the submission is final like a summary: no 撤办 of the approval
		Reviews.DecidedRow row = reviews.decided(site, null).stream()
			.filter(candidate -> candidate.decision().requestId() == one.id()).findFirst().orElseThrow();
		assertThat(row.withdrawable()).isFalse();
	}

	@Test
	void atTheLastStageABatchSubmissionApprovesFinallyOnlyWithEveryImageChecked() throws Exception {
		long batch = examBatch();
		ReviewRequest checked = atSite("终审已核", batch);
		ReviewRequest unchecked = atSite("终审未核", batch);
		batchSubmissions.submit(site, Map.of(checked.id(), checked.version(), unchecked.id(), unchecked.version()),
				null);
		ReviewRequest atArea = reload(checked);
		reviews.detail(area, atArea.id()).orElseThrow().subject().evidence()
			.forEach(evidence -> reviews.checkImage(area, atArea.id(), evidence.fileId(), true, null));
		Map<Long, Integer> chosen = new LinkedHashMap<>();
		chosen.put(checked.id(), reload(checked).version());
		chosen.put(unchecked.id(), reload(unchecked).version());

		List<BatchSubmissions.ItemResult> results = batchSubmissions.submit(area, chosen, null);

		assertThat(results).extracting(BatchSubmissions.ItemResult::messageKey)
			.containsExactly("review.batch-submit.final", "review.refused.images-unchecked");
		assertThat(reload(checked).state()).isEqualTo(ReviewState.APPROVED);
		assertThat(reload(unchecked).state()).isEqualTo(ReviewState.PENDING);
	}

	@Test
	void anItemTheSiteDoesNotHoldIsRefusedWithoutItsName() throws Exception {
		ReviewRequest atPoint = submit("未到考点", examBatch());
		assertThat(batchSubmissions.submit(site, Map.of(atPoint.id(), atPoint.version()), null))
			.singleElement()
			.satisfies(result -> {
				assertThat(result.submitted()).isFalse();
				assertThat(result.applicantName()).isEmpty();
			});
		assertThat(reload(atPoint).stageLevel()).isEqualTo(StageLevel.REGISTRATION_POINT);
	}

	@Test
	void onlyRolesGrantedBatchSubmitMayUseIt() throws Exception {
		long batch = examBatch();
		ReviewRequest request = submit("报名点不可批量提交", batch);
		assertThatThrownBy(() -> batchSubmissions.submit(point, Map.of(request.id(), request.version()), null))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/review/batch-submit").param("items", request.id() + ":" + request.version())
			.with(user(point)).with(csrf())).andExpect(status().isForbidden());
		assertThat(reload(request).state()).isEqualTo(ReviewState.PENDING);
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.REGISTRATION_POINT);
		String pointInbox = mvc.perform(get("/review").with(user(point))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(pointInbox).contains("id=\"batch-approve\"").doesNotContain("id=\"batch-submit\"");
	}

	@Test
	void theInboxOffersBatchSubmitToTheSiteAndReportsEachResult() throws Exception {
		long batch = examBatch();
		ReviewRequest request = atSite("页面批量提交", batch);
		String page = mvc.perform(get("/review?batch=" + batch).with(user(site))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"batch-submit\"", "批量提交");
		mvc.perform(post("/review/batch-submit").param("items", request.id() + ":" + request.version())
			.param("opinion", "").with(user(site)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "批量提交：1 份已提交，0 份未提交。"))
			.andExpect(flash().attribute("batchResults", List.of("页面批量提交：已审核通过并提交到下一级")));
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
		mvc.perform(post("/review/batch-submit").with(user(site)).with(csrf()))
			.andExpect(flash().attribute("flashError", "请先选择报名。"));
	}

	// ------------------------------------------------------------------------------------------ helpers

	private ReviewRequest atSite(String name, long batch) throws Exception {
		ReviewRequest request = submit(name, batch);
		reviews.approve(point, request.id(), request.version(), null);
		return reload(request);
	}

	private List<ReviewDecision> decisions(ReviewRequest request) {
		return reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow().decisions();
	}

	private int audited(String action, ReviewRequest request) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND target = :t")
			.param("a", action).param("t", "review:" + request.id()).query(Integer.class).single();
	}

}
