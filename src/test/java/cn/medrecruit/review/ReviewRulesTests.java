package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.shared.InputRejected;
/**
 * The batch's review rules as the engine applies them, set through the batch page on the chain 区县 → 地市 → 省: the
 * stage a resubmission re-enters at, the stages whose approvals wait for 汇总提交, and the stages that need every
 * evidence image answered 是.
 */
@IntegrationTest
class ReviewRulesTests extends ReviewTestSupport {

	@Autowired
	SummarySubmissions summaries;

	// ------------------------------------------------------------------------------------------ re-entry

	@Test
	void aResubmissionReEntersAtTheConfiguredStageAndTheEarlierOnesCarryOver() throws Exception {
		long batch = batch();
		rules(batch, 1, List.of(), List.of(2));
		ReviewRequest request = submit("重入省退", batch);
		reviews.approve(county, request.id(), request.version(), null);
		reviews.approve(city, request.id(), reload(request).version(), null);
		checkAll(province, reload(request));
		reviews.returnForChanges(province, request.id(), reload(request).version(), "学历证书不清晰");
		int countyPending = reviews.counts(county).pending();
		int cityPending = reviews.counts(city).pending();
		resubmit(request);

		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(request.round()).isEqualTo(2);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.CITY);
		assertThat(reviews.counts(county).pending()).isEqualTo(countyPending);
		assertThat(reviews.counts(city).pending()).isEqualTo(cityPending + 1);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350100"));
		List<ReviewDecision> round2 = decisions(request).stream().filter(d -> d.round() == 2).toList();
		assertThat(round2).extracting(ReviewDecision::action)
			.containsExactly(ReviewAction.RESUBMIT, ReviewAction.SKIP);
		assertThat(round2.get(1).level()).isEqualTo(StageLevel.COUNTY);
		assertThat(round2.get(1).opinion()).contains("沿用上一轮审核结果");
		assertThat(inbox(county, batch)).doesNotContain(request.id());
		assertThat(inbox(city, batch)).contains(request.id());
		// the city's approval is the round's first decision and the request walks on as usual
		reviews.approve(city, request.id(), request.version(), null);
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.PROVINCE);
	}

	@Test
	void aRequestReturnedBeforeTheReEntryStageReEntersWhereItWasReturned() throws Exception {
		long batch = batch();
		rules(batch, 2, List.of(), List.of(2));
		ReviewRequest request = submit("重入县退", batch);
		reviews.returnForChanges(county, request.id(), request.version(), "请补充工作证明");
		resubmit(request);
		request = reload(request);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.COUNTY);
		assertThat(actions(request)).containsExactly(ReviewAction.RETURN, ReviewAction.RESUBMIT);
	}

	@Test
	void byDefaultAResubmissionStartsAtTheFirstStage() throws Exception {
		long batch = batch();
		ReviewRequest request = submit("重入默认", batch);
		reviews.approve(county, request.id(), request.version(), null);
		reviews.returnForChanges(city, request.id(), reload(request).version(), "请补充");
		resubmit(request);
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.COUNTY);
	}

	// ------------------------------------------------------------------------------------------ 汇总提交 per stage

	@Test
	void aStageSetToWaitForItsSummaryHoldsItsApprovalsUntilThen() throws Exception {
		long batch = batch();
		rules(batch, 0, List.of(1), List.of(2));
		ReviewRequest request = submit("市汇总", batch);
		reviews.approve(county, request.id(), request.version(), null);
		assertThat(reload(request).stageLevel()).as("the county forwards at once").isEqualTo(StageLevel.CITY);
		reviews.approve(city, request.id(), reload(request).version(), null);
		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.WAITING);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350100"));
		assertThat(summaries.submit(city, batch, List.of()).forwarded()).isEqualTo(1);
		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.PROVINCE);
	}

	@Test
	void anExamSiteSetNotToWaitForwardsEachApprovalAtOnce() throws Exception {
		long batch = examBatch();
		CurrentUser point = staff("rules350122BM", "350122BM", "COUNTY");
		CurrentUser site = staff("rules3501KD", "3501KD", "CITY");
		ReviewRequest before = submit("考点默认汇总", batch);
		rules(batch, 0, List.of(), List.of(2));
		ReviewRequest after = submit("考点不汇总", batch);
		for (ReviewRequest request : List.of(before, after)) {
			reviews.approve(point, request.id(), request.version(), null);
			reviews.approve(site, request.id(), reload(request).version(), null);
		}
		assertThat(reload(before).state()).as("a round keeps the rules it started with")
			.isEqualTo(ReviewState.WAITING);
		assertThat(reload(after).state()).isEqualTo(ReviewState.PENDING);
		assertThat(reload(after).stageLevel()).isEqualTo(StageLevel.EXAM_AREA);
	}

	// ------------------------------------------------------------------------------------------ image checks per stage

	@Test
	void aStageSetToCheckEveryImageApprovesOnlyWhenAllAreAnsweredAndTheLastNoLonger() throws Exception {
		long batch = batch();
		rules(batch, 0, List.of(), List.of(0));
		ReviewRequest request = submit("县核图", batch);
		assertThat(detailPage(county, request)).contains("本环节须逐一核对全部证件图片");
		assertRefused(() -> reviews.approve(county, request.id(), request.version(), null),
				"review.refused.images-unchecked");
		checkAll(county, request);
		reviews.approve(county, request.id(), request.version(), null);
		assertThat(detailPage(city, request)).contains("id=\"decision-forms\"").doesNotContain("本环节须逐一核对全部证件图片");
		reviews.approve(city, request.id(), reload(request).version(), null);
		// the province is not set to check every image
		reviews.approve(province, request.id(), reload(request).version(), null);
		assertThat(reload(request).state()).isEqualTo(ReviewState.APPROVED);
	}

	@Test
	void whenTheCheckingStageIsSkippedForTheApplicantTheLastStageTheyPassChecks() throws Exception {
		long batch = batch();
		rules(batch, 0, List.of(), List.of(0));
		// a city hospital's applicant has no county stage
		ReviewRequest request = submit("市医院核图", "35010001", batch);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.CITY);
		reviews.approve(city, request.id(), request.version(), null);
		ReviewRequest atProvince = reload(request);
		assertRefused(() -> reviews.approve(province, atProvince.id(), atProvince.version(), null),
				"review.refused.images-unchecked");
		checkAll(province, atProvince);
		reviews.approve(province, request.id(), atProvince.version(), null);
		assertThat(reload(request).state()).isEqualTo(ReviewState.APPROVED);
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** Sets the batch's review rules as the province does on the batch page. */
	private void rules(long batch, int reentry, List<Integer> bySummary, List<Integer> images) throws Exception {
		int version = jdbc.sql("SELECT version FROM batch WHERE id = :b").param("b", batch).query(Integer.class)
			.single();
		MockHttpServletRequestBuilder request = post("/programs/batches/" + batch + "/review-rules")
			.param("version", String.valueOf(version))
			.param("reentryStage", String.valueOf(reentry));
		bySummary.forEach(index -> request.param("bySummary", String.valueOf(index)));
		images.forEach(index -> request.param("imagesRequired", String.valueOf(index)));
		mvc.perform(request.with(user(province)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "审核规则已保存。"));
	}

	private String detailPage(CurrentUser reviewer, ReviewRequest request) throws Exception {
		return mvc.perform(get("/review/requests/" + request.id()).with(user(reviewer)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private void resubmit(ReviewRequest request) {
		CurrentUser applicant = fixtures.reviewer(jdbc.sql("SELECT login_name FROM account WHERE id = :a")
			.param("a", request.applicant().value()).query(String.class).single());
		assertThat(applications.resubmit(request.applicant(), request.subjectId(), applicant)).isTrue();
	}

	private void checkAll(CurrentUser reviewer, ReviewRequest request) {
		reviews.detail(reviewer, request.id()).orElseThrow().subject().evidence()
			.forEach(evidence -> reviews.checkImage(reviewer, request.id(), evidence.fileId(), true, null));
	}

	private List<ReviewDecision> decisions(ReviewRequest request) {
		return reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow().decisions();
	}

	private List<ReviewAction> actions(ReviewRequest request) {
		return decisions(request).stream().map(ReviewDecision::action).toList();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOf(InputRejected.class)
			.satisfies(e -> assertThat(((InputRejected) e).messageKey()).isEqualTo(key));
	}
}
