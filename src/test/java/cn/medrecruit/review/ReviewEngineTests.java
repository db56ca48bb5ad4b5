package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.medrecruit.Concurrently;
import cn.medrecruit.IntegrationTest;
import cn.medrecruit.application.ApplicationFixtures;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.shared.InputRejected;
@IntegrationTest
class ReviewEngineTests extends ReviewTestSupport {

	@Autowired
	ApplicantProfiles profiles;

	// ------------------------------------------------------------------------------------------ routing

	@Test
	void aCountyHospitalsApplicantWalksCountyCityProvince() throws Exception {
		ReviewRequest request = submit("路由县", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.COUNTY);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350122"));
		assertThat(holders(request)).containsExactly(institution("350122"), institution("350100"),
				institution("350000"));
		assertThat(actions(request)).isEmpty();
		assertThat(request.referenceNumber()).isNotBlank();
		assertThat(request.idTail()).hasSize(4);
	}

	@Test
	void aCityHospitalSkipsTheCountyAndTheSkipIsLogged() throws Exception {
		ReviewRequest request = submit("路由市", "35010001", batch());
		assertThat(request.stageLevel()).isEqualTo(StageLevel.CITY);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350100"));
		assertThat(holders(request)).containsExactly(null, institution("350100"), institution("350000"));
		assertThat(actions(request)).containsExactly(ReviewAction.SKIP);
	}

	@Test
	void anApplicantWithoutAUnitGoesStraightToTheProvince() throws Exception {
		ReviewRequest request = submit("路由无", null, batch());
		assertThat(request.stageLevel()).isEqualTo(StageLevel.PROVINCE);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350000"));
		assertThat(actions(request)).containsExactly(ReviewAction.SKIP, ReviewAction.SKIP);
	}

	@Test
	void whenNoStageHasAHolderTheProvinceTakesTheLast() throws Exception {
		long batch = batch();
		jdbc.sql("DELETE FROM batch_stage WHERE batch_id = :b AND stage_position > 0").param("b", batch).update();
		ReviewRequest request = submit("路由兜底", null, batch);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.COUNTY);
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350000"));
	}

	// ------------------------------------------------------------------------------------------ decisions

	@Test
	void approvalsWalkTheChainAndTheLastStageNeedsEveryImageChecked() throws Exception {
		ReviewRequest request = submit("审核通过", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		reviews.approve(county, request.id(), request.version(), null);
		request = reload(request);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.CITY);
		assertThat(applicationStatus(request)).isEqualTo("UNDER_REVIEW");
		assertThat(reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow().decisions().get(0)
			.opinion()).isEqualTo("同意");

		reviews.approve(city, request.id(), request.version(), "材料齐全");
		request = reload(request);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.PROVINCE);

		ReviewRequest atProvince = request;
		assertRefused(() -> reviews.approve(province, atProvince.id(), atProvince.version(), null),
				"review.refused.images-unchecked");
		List<Long> files = reviews.detail(province, request.id()).orElseThrow().subject().evidence().stream()
			.map(ReviewSubject.Evidence::fileId).toList();
		assertThat(files).hasSize(2);
		assertRefused(() -> reviews.checkImage(province, atProvince.id(), files.get(0), false, " "),
				"review.validation.reason");
		reviews.checkImage(province, request.id(), files.get(0), false, "照片模糊");
		reviews.checkImage(province, request.id(), files.get(1), true, null);
		assertRefused(() -> reviews.approve(province, atProvince.id(), atProvince.version(), null),
				"review.refused.image-inconsistent");
		reviews.checkImage(province, request.id(), files.get(0), true, null);
		reviews.approve(province, request.id(), request.version(), null);

		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.APPROVED);
		assertThat(applicationStatus(request)).isEqualTo("APPROVED");
		assertThat(reviews.detail(province, request.id()).orElseThrow().checks()).as("the refused 否 left no line")
			.hasSize(3)
			.allSatisfy(check -> assertThat(check.actor()).isEqualTo("350000"));
		assertThat(notices(request)).contains("报名审核通过");
		assertThat(audited("REVIEW_APPROVED", request)).isEqualTo(3);
	}

	@Test
	void decisionsAreAcceptedOnlyInsideTheStagesWindow() throws Exception {
		long batch = batch();
		ReviewRequest request = submit("窗口", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		Instant now = clock.instant();
		fixtures.stageWindow(batch, 0, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
		assertRefused(() -> reviews.approve(county, request.id(), request.version(), null), "review.refused.window");
		assertRefused(() -> reviews.returnForChanges(county, request.id(), request.version(), "补材料"),
				"review.refused.window");
		clock.advance(Duration.ofHours(25));
		reviews.approve(county, request.id(), request.version(), null);
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.CITY);
	}

	@Test
	void aRejectionAtTheProvinceEndsAndGivesThePlaceBack() throws Exception {
		long batch = batch();
		ReviewRequest request = submit("不通过", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		int applied = fixtures.applicationFixtures().applied(batch, ApplicationFixtures.BASE, "R01");
		reviews.approve(county, request.id(), request.version(), null);
		reviews.approve(city, request.id(), reload(request).version(), null);
		ReviewRequest atProvince = reload(request);
		assertRefused(() -> reviews.reject(province, atProvince.id(), atProvince.version(), ""),
				"review.validation.reason");
		reviews.reject(province, request.id(), atProvince.version(), "不符合报名条件");
		assertThat(reload(request).state()).isEqualTo(ReviewState.REJECTED);
		assertThat(applicationStatus(request)).isEqualTo("REJECTED");
		assertThat(fixtures.applicationFixtures().applied(batch, ApplicationFixtures.BASE, "R01"))
			.isEqualTo(applied - 1);
		assertThat(notices(request)).contains("不符合报名条件");
	}

	@Test
	void aReturnGoesBackToTheApplicantAndTheResubmissionStartsAtTheFirstStage() throws Exception {
		ReviewRequest request = submit("退回", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		reviews.approve(county, request.id(), request.version(), null);
		ReviewRequest atCity = reload(request);
		assertRefused(() -> reviews.returnForChanges(city, atCity.id(), atCity.version(), null),
				"review.validation.reason");
		reviews.returnForChanges(city, request.id(), atCity.version(), "请补充学位证书");
		assertThat(reload(request).state()).isEqualTo(ReviewState.RETURNED);
		assertThat(applicationStatus(request)).isEqualTo("RETURNED");
		cn.medrecruit.identity.AccountId applicant = request.applicant();
		assertThat(profiles.view(applicant).frozen()).isFalse();
		assertThat(notices(request)).contains("请补充学位证书");
		assertThat(reviews.returnedSinceSeen(county)).isPositive();
		mvc.perform(get("/").with(user(county)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("home-returned-notice")));
		reviews.dismissReturned(county);
		assertThat(reviews.returnedSinceSeen(county)).isZero();

		CurrentUser applicantUser = (CurrentUser) users.loadUserByUsername(loginOf(applicant));
		assertThat(applications.resubmit(applicant, request.subjectId(), applicantUser)).isTrue();
		assertThat(applications.resubmit(applicant, request.subjectId(), applicantUser)).as("replayed").isFalse();
		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(request.round()).isEqualTo(2);
		assertThat(request.stageIndex()).isZero();
		assertThat(request.holderInstitutionId()).isEqualTo(institution("350122"));
		assertThat(applicationStatus(request)).isEqualTo("SUBMITTED");
		assertThat(profiles.view(applicant).frozen()).isTrue();
		assertThat(actions(request)).containsExactly(ReviewAction.APPROVE, ReviewAction.RETURN, ReviewAction.RESUBMIT);

		// a reviewer acted before: the applicant can no longer cancel, even though the status is SUBMITTED again
		ReviewRequest resubmitted = request;
		assertRefused(() -> applications.cancel(applicant, resubmitted.subjectId(), applicantUser),
				"review.refused.cancel-reviewed");
	}

	@Test
	void cancellingIsPossibleOnlyBeforeAnyReviewerActed() throws Exception {
		long batch = batch();
		ReviewRequest untouched = submit("可取消", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		CurrentUser applicant = (CurrentUser) users.loadUserByUsername(loginOf(untouched.applicant()));
		applications.cancel(untouched.applicant(), untouched.subjectId(), applicant);
		assertThat(applicationStatus(untouched)).isEqualTo("CANCELLED");
		assertThat(reload(untouched).state()).isEqualTo(ReviewState.CANCELLED);
		assertThat(reviews.inbox(county, InboxQuery.all()).rows()).extracting(ReviewRequest::id)
			.doesNotContain(untouched.id());

		// starting again and submitting opens a new round at the first stage
		applications.start(untouched.applicant(), new cn.medrecruit.program.BatchId(batch), applicant);
		applications.submit(untouched.applicant(), untouched.subjectId(), applicant);
		assertThat(reload(untouched).state()).isEqualTo(ReviewState.PENDING);
		assertThat(reload(untouched).round()).isEqualTo(2);
		assertThat(actions(untouched)).containsExactly(ReviewAction.CANCEL, ReviewAction.RESUBMIT);

		ReviewRequest decided = submit("不可取消", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		reviews.approve(county, decided.id(), decided.version(), null);
		CurrentUser other = (CurrentUser) users.loadUserByUsername(loginOf(decided.applicant()));
		assertThatThrownBy(() -> applications.cancel(decided.applicant(), decided.subjectId(), other))
			.isInstanceOf(InputRejected.class);
		assertThat(applicationStatus(decided)).isEqualTo("UNDER_REVIEW");
	}

	// ------------------------------------------------------------------------------------------ withdraw

	@Test
	void anApprovalIsWithdrawnWhileTheNextStageHasNotActed() throws Exception {
		ReviewRequest request = submit("撤办", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		reviews.approve(county, request.id(), request.version(), null);
		Reviews.DecidedRow row = decidedRow(county, request);
		assertThat(row.withdrawable()).isTrue();
		reviews.withdraw(county, row.decision().id());

		request = reload(request);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.COUNTY);
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(actions(request)).containsExactly(ReviewAction.APPROVE, ReviewAction.WITHDRAW);
		assertThat(reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow().decisions().get(0)
			.withdrawn()).isTrue();
		long first = row.decision().id();
		assertRefused(() -> reviews.withdraw(county, first), "review.refused.withdraw-state");

		// approved again, then the city acts: too late
		reviews.approve(county, request.id(), request.version(), null);
		Reviews.DecidedRow second = decidedRow(county, request);
		reviews.approve(city, request.id(), reload(request).version(), null);
		assertThat(decidedRow(county, request).withdrawable()).isFalse();
		assertRefused(() -> reviews.withdraw(county, second.decision().id()), "review.refused.withdraw-acted");

		// somebody else's decision is not theirs to withdraw
		assertRefused(() -> reviews.withdraw(province, second.decision().id()), "review.refused.missing");
	}

	@Test
	void aReturnIsWithdrawnUntilTheApplicantResubmitsAndAFinalRejectionStays() throws Exception {
		ReviewRequest request = submit("撤回退回", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		reviews.returnForChanges(county, request.id(), request.version(), "重拍证件");
		assertThat(applicationStatus(request)).isEqualTo("RETURNED");
		assertThat(profiles.view(request.applicant()).frozen()).isFalse();
		Reviews.DecidedRow row = decidedRow(county, request);
		assertThat(row.withdrawable()).isTrue();
		reviews.withdraw(county, row.decision().id());
		request = reload(request);
		assertThat(request.state()).isEqualTo(ReviewState.PENDING);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.COUNTY);
		assertThat(request.round()).isEqualTo(1);
		assertThat(applicationStatus(request)).isEqualTo("UNDER_REVIEW");
		assertThat(profiles.view(request.applicant()).frozen()).isTrue();
		assertThat(notices(request)).contains("退回已撤回");
		assertRefused(() -> reviews.withdraw(county, row.decision().id()), "review.refused.withdraw-state");

		// returned again and resubmitted: too late
		reviews.returnForChanges(county, request.id(), request.version(), "再次重拍");
		Reviews.DecidedRow second = decidedRow(county, request);
		CurrentUser applicantUser = (CurrentUser) users.loadUserByUsername(loginOf(request.applicant()));
		assertThat(applications.resubmit(request.applicant(), request.subjectId(), applicantUser)).isTrue();
		assertThat(decidedRow(county, request).withdrawable()).isFalse();
		assertRefused(() -> reviews.withdraw(county, second.decision().id()), "review.refused.withdraw-state");

		// a final rejection has given the places back
		ReviewRequest resubmitted = reload(request);
		reviews.approve(county, resubmitted.id(), resubmitted.version(), null);
		reviews.approve(city, resubmitted.id(), reload(request).version(), null);
		reviews.reject(province, resubmitted.id(), reload(request).version(), "不符合条件");
		Reviews.DecidedRow rejection = decidedRow(province, request);
		assertThat(rejection.withdrawable()).isFalse();
		assertRefused(() -> reviews.withdraw(province, rejection.decision().id()), "review.refused.withdraw-final");
		assertThat(applicationStatus(request)).isEqualTo("REJECTED");
	}

	// ------------------------------------------------------------------------------------------ concurrency, batch

	@Test
	void twoDecidersAtOnceDecideOnce() throws Exception {
		ReviewRequest request = submit("并发", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		CurrentUser otherCounty = fixtures.reviewer("350122");
		List<CurrentUser> deciders = List.of(county, otherCounty);
		List<String> outcomes = Concurrently.run(deciders.size(), i -> {
			try {
				reviews.approve(deciders.get(i), request.id(), request.version(), null);
				return "ok";
			}
			catch (InputRejected refused) {
				return refused.messageKey();
			}
		});
		assertThat(outcomes).containsExactlyInAnyOrder("ok", "review.refused.stale");
		assertThat(actions(request)).containsExactly(ReviewAction.APPROVE);
		assertThat(reload(request).stageLevel()).isEqualTo(StageLevel.CITY);
	}

	@Test
	void batchApprovalReportsEachItem() throws Exception {
		long batch = batch();
		ReviewRequest good = submit("批量甲", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest stale = submit("批量乙", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest elsewhere = submit("批量丙", "35052401", batch);
		Map<Long, Integer> items = new LinkedHashMap<>();
		items.put(good.id(), good.version());
		items.put(stale.id(), stale.version() - 1);
		items.put(elsewhere.id(), elsewhere.version());
		List<Reviews.ItemResult> results = reviews.approveMany(county, items, null);
		assertThat(results).extracting(Reviews.ItemResult::messageKey)
			.containsExactly("review.approved", "review.refused.stale", "review.refused.missing");
		assertThat(reload(good).stageLevel()).isEqualTo(StageLevel.CITY);
		assertThat(reload(stale).stageLevel()).isEqualTo(StageLevel.COUNTY);
		assertThat(actions(elsewhere)).isEmpty();
	}

	// ------------------------------------------------------------------------------------------ scope, corrections

	@Test
	void aCountyReviewerCannotSeeOrActOnAnotherCountysItem() throws Exception {
		ReviewRequest anxi = submit("安溪考生", "35052401", batch());
		mvc.perform(get("/review/requests/" + anxi.id()).with(user(county))).andExpect(status().isNotFound());
		mvc.perform(get("/review/requests/" + anxi.id()).with(user(city))).andExpect(status().isNotFound());
		mvc.perform(post("/review/requests/" + anxi.id() + "/approve").param("version", String.valueOf(anxi.version()))
			.with(user(county)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(actions(anxi)).isEmpty();
		assertThat(reviews.inbox(county, InboxQuery.all()).rows()).extracting(ReviewRequest::id)
			.doesNotContain(anxi.id());

		// the city sees its subtree's item but cannot act before it holds it
		ReviewRequest lianjiang = submit("连江考生", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		mvc.perform(get("/review/requests/" + lianjiang.id()).with(user(city))).andExpect(status().isOk());
		assertRefused(() -> reviews.approve(city, lianjiang.id(), lianjiang.version(), null), "review.refused.holder");
		mvc.perform(get("/review/requests/" + lianjiang.id()).with(user(county))).andExpect(status().isOk());

		// evidence: the holder sees it, another county does not
		String anxiFile = reviews.detail(province, anxi.id()).orElseThrow().subject().evidence().get(0).url();
		mvc.perform(get(anxiFile).with(user(county))).andExpect(status().isNotFound());
		mvc.perform(get(anxiFile).with(user(fixtures.reviewer("350000")))).andExpect(status().isOk());

				// an applicant is not a reviewer
		CurrentUser applicant = (CurrentUser) users.loadUserByUsername(loginOf(lianjiang.applicant()));
		mvc.perform(get("/review").with(user(applicant))).andExpect(status().isForbidden());
	}

	@Test
	void aFirstChoiceBaseHoldingTheStageSeesTheEvidenceOutsideItsSubtree() throws Exception {
		long batch = fixtures.applicationFixtures().openBatch("基地审核" + System.nanoTime(), clock.instant());
		fixtures.applicationFixtures().approvedPlan(batch, ApplicationFixtures.BASE, "R01", 10);
		ReviewRequest request = submit("基地看图", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		assertThat(request.stageLevel()).isEqualTo(StageLevel.FIRST_CHOICE_BASE);
		assertThat(request.holderInstitutionId()).isEqualTo(institution(ApplicationFixtures.BASE));
		CurrentUser base = fixtures.reviewer("35000101");
		String file = reviews.detail(base, request.id()).orElseThrow().subject().evidence().get(0).url();
		mvc.perform(get(file).with(user(base))).andExpect(status().isOk());
		mvc.perform(get("/review/requests/" + request.id()).with(user(base))).andExpect(status().isOk());
		// its window opens when registration closes
		assertRefused(() -> reviews.approve(base, request.id(), request.version(), null), "review.refused.window");
	}

	@Test
	void aReviewerCorrectsASupplementaryFieldAndEveryoneSeesIt() throws Exception {
		ReviewRequest request = submit("更正", ReviewFixtures.LIANJIANG_HOSPITAL, batch());
		jdbc.sql("INSERT INTO application_field (application_id, field_key, field_value) VALUES (:a, 'remark', '旧值')")
			.param("a", request.subjectId()).update();
		assertRefused(() -> reviews.correct(county, request.id(), request.version(), "remark", "新值", ""),
				"review.validation.reason");
		assertRefused(() -> reviews.correct(county, request.id(), request.version(), "idNumber", "1", "错"),
				"review.refused.field");
		reviews.correct(county, request.id(), request.version(), "remark", "新值", "笔误");
		assertThat(jdbc.sql("SELECT field_value FROM application_field WHERE application_id = :a AND field_key = 'remark'")
			.param("a", request.subjectId()).query(String.class).single()).isEqualTo("新值");
		Correction correction = reviews.progress(RequestKind.APPLICATION, request.subjectId()).orElseThrow()
			.corrections().get(0);
		assertThat(correction.oldValue()).isEqualTo("旧值");
		assertThat(correction.newValue()).isEqualTo("新值");
		assertThat(correction.reason()).isEqualTo("笔误");
		assertThat(correction.actor()).isEqualTo("350122");
		// the correction changed the item: a decision on the old version is stale
		assertRefused(() -> reviews.approve(county, request.id(), request.version(), null), "review.refused.stale");
	}

	@Test
	void theProvinceSeesStagesNobodyCanReview() throws Exception {
		submit("卡件", "35010201", batch());
		long gulou = institution("350102");
		boolean staffed = jdbc.sql("SELECT COUNT(*) FROM account WHERE institution_id = :i AND enabled = TRUE")
			.param("i", gulou).query(Integer.class).single() > 0;
		List<Long> stuck = reviews.stuck().stream().map(Reviews.Stuck::institutionId).toList();
		assertThat(stuck).doesNotContain(institution("350122"));
		if (!staffed) {
			assertThat(stuck).contains(gulou);
		}
		mvc.perform(get("/review/stuck").with(user(province))).andExpect(status().isOk());
		mvc.perform(get("/review/stuck").with(user(county))).andExpect(status().isForbidden());
	}

	@Test
	void theInboxFiltersAndPages() throws Exception {
		long batch = batch();
		ReviewRequest one = submit("筛选甲", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		ReviewRequest two = submit("筛选乙", ReviewFixtures.LIANJIANG_HOSPITAL, batch);
		InboxQuery byBatch = new InboxQuery(null, null, batch, null, null, null, null, false, null, null);
		assertThat(reviews.inbox(county, byBatch).rows()).extracting(ReviewRequest::id)
			.containsExactly(one.id(), two.id());
		InboxQuery newest = new InboxQuery(null, null, batch, StageLevel.COUNTY, null, null, null, true, null, null);
		assertThat(reviews.inbox(county, newest).rows()).extracting(ReviewRequest::id)
			.containsExactly(two.id(), one.id());
		InboxQuery byName = new InboxQuery(null, null, batch, null, "筛选乙", null, null, false, null, null);
		assertThat(reviews.inbox(county, byName).rows()).extracting(ReviewRequest::id).containsExactly(two.id());
		InboxQuery byNumber = new InboxQuery(null, null, null, null, one.referenceNumber(), null, null, false, null,
				null);
		assertThat(reviews.inbox(county, byNumber).rows()).extracting(ReviewRequest::id).containsExactly(one.id());
		InboxQuery afterFirst = byBatch.after(one.submittedAt(), one.id());
		assertThat(reviews.inbox(county, afterFirst).rows()).extracting(ReviewRequest::id).containsExactly(two.id());
		InboxQuery otherStage = new InboxQuery(null, null, batch, StageLevel.CITY, null, null, null, false, null, null);
		assertThat(reviews.inbox(county, otherStage).rows()).isEmpty();
		mvc.perform(get("/review").param("batch", String.valueOf(batch)).with(user(county)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("筛选乙")));
		mvc.perform(get("/review/requests/" + one.id()).with(user(county))).andExpect(status().isOk());
		mvc.perform(get("/review/decided").with(user(county))).andExpect(status().isOk());
		mvc.perform(get("/review/area").with(user(city))).andExpect(status().isOk());
	}

	// ------------------------------------------------------------------------------------------ helpers

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
			.filter(row -> row.decision().requestId() == request.id())
			.findFirst()
			.orElseThrow();
	}

	private String applicationStatus(ReviewRequest request) {
		return jdbc.sql("SELECT status FROM application WHERE id = :id").param("id", request.subjectId())
			.query(String.class).single();
	}

	private String notices(ReviewRequest request) {
		return String.join("\n", jdbc.sql("SELECT subject || ' ' || body FROM notice WHERE account_id = :a")
			.param("a", request.applicant().value()).query(String.class).list());
	}

	private int audited(String action, ReviewRequest request) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND target = :t")
			.param("a", action).param("t", "review:" + request.id()).query(Integer.class).single();
	}

	private String loginOf(cn.medrecruit.identity.AccountId account) {
		return jdbc.sql("SELECT login_name FROM account WHERE id = :id").param("id", account.value())
			.query(String.class).single();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOf(InputRejected.class)
			.satisfies(e -> assertThat(((InputRejected) e).messageKey()).isEqualTo(key));
	}
}
