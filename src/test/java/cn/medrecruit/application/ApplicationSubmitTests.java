package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.medrecruit.Concurrently;
import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.shared.InputRejected;
@IntegrationTest
class ApplicationSubmitTests extends ApplicationTestSupport {

	@Autowired
	ApplicantProfiles profiles;

	@Test
	void theWindowIsEnforcedBeforeDuringAndAfter() throws Exception {
		Instant now = clock.instant();
		long batch = fixtures.batch("窗口" + System.nanoTime(), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered applicant = fixtures.completeApplicant("王窗口", false);

		// before: the wizard does not start
		assertRefused(() -> applications.start(applicant.id(), new BatchId(batch), applicant.principal()),
				"application.refused.window");

		// during: a draft, filled and left unsubmitted
		clock.advance(Duration.ofHours(25));
		ApplicationView draft = fill(applicant, batch);

		// after: the submit is refused on the server, nothing is counted, the profile stays editable
		clock.advance(Duration.ofDays(1));
		assertRefused(() -> applications.submit(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.window");
		assertThat(status(draft.id())).isEqualTo("DRAFT");
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isZero();
		assertThat(profiles.view(applicant.id()).frozen()).isFalse();

		// during again (clock back): it goes through
		clock.reset();
		clock.advance(Duration.ofHours(25));
		assertThat(applications.submit(applicant.id(), draft.id(), applicant.principal())).isTrue();
		assertThat(status(draft.id())).isEqualTo("SUBMITTED");
		assertThat(profiles.view(applicant.id()).frozen()).isTrue();
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isEqualTo(1);
	}

	@Test
	void anIncompleteProfileCannotStartNorSubmit() throws Exception {
		long batch = fixtures.openBatch("不完整" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered incomplete = testApplicants.register("钱不全");
		assertRefused(() -> applications.start(incomplete.id(), new BatchId(batch), incomplete.principal()),
				"application.refused.profile");

		// a profile that becomes incomplete during the wizard is caught at the submit
		TestApplicants.Registered applicant = fixtures.completeApplicant("赵后删", false);
		ApplicationView draft = fill(applicant, batch);
		jdbc.sql("DELETE FROM profile_document WHERE account_id = :a AND slot = 'PHOTO'")
			.param("a", applicant.id().value()).update();
		assertRefused(() -> applications.submit(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.profile");
		assertThat(status(draft.id())).isEqualTo("DRAFT");
		assertThat(profiles.view(applicant.id()).frozen()).as("the freeze rolled back").isFalse();
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isZero();
	}

	@Test
	void aPersonTypeThatNeedsACurrentUnitNeedsOneInTheProfile() throws Exception {
		long batch = fixtures.openBatch("单位规则" + System.nanoTime(), clock.instant());
		TestApplicants.Registered noUnit = fixtures.completeApplicant("孙无单位", false);
		ApplicationView draft = applications.start(noUnit.id(), new BatchId(batch), noUnit.principal());
		assertRefused(() -> applications.choosePersonType(noUnit.id(), draft.id(), PersonType.OWN_RESIDENT),
				"application.validation.current-unit");
		assertRefused(() -> applications.choosePersonType(noUnit.id(), draft.id(), PersonType.JOINT_MASTER),
				"application.validation.person-type");
		applications.choosePersonType(noUnit.id(), draft.id(), PersonType.SOCIAL_RECRUIT);

		TestApplicants.Registered withUnit = fixtures.completeApplicant("李有单位", true);
		ApplicationView other = applications.start(withUnit.id(), new BatchId(batch), withUnit.principal());
		applications.choosePersonType(withUnit.id(), other.id(), PersonType.OWN_RESIDENT);
		assertThat(applications.find(withUnit.id(), other.id()).orElseThrow().personType())
			.isEqualTo(PersonType.OWN_RESIDENT);
	}

	@Test
	void twentyConcurrentSubmitsOfOneApplicantSubmitOnceAndCountOnce() throws Exception {
		long batch = fixtures.openBatch("同人并发" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered applicant = fixtures.completeApplicant("周并发", false);
		ApplicationView draft = fill(applicant, batch);

		List<Object> results = Concurrently.run(20, i -> {
			// half of them replay the start as a double click on 我要报名 would
			if (i % 2 == 0) {
				applications.start(applicant.id(), new BatchId(batch), applicant.principal());
			}
			return applications.submit(applicant.id(), draft.id(), applicant.principal());
		});
		assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
		assertThat(jdbc.sql("SELECT status FROM application WHERE account_id = :a AND batch_id = :b")
			.param("a", applicant.id().value()).param("b", batch).query(String.class).list())
			.containsExactly("SUBMITTED");
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isEqualTo(1);
		assertThat(applications.history(draft.id())).extracting(HistoryEntry::to)
			.containsExactly(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'APPLICATION_SUBMITTED' AND target = :t")
			.param("t", "application:" + draft.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void twentyApplicantsSubmittingTogetherCountTwenty() throws Exception {
		long batch = fixtures.openBatch("多人并发" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 10);
		List<TestApplicants.Registered> applicants = new ArrayList<>();
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			TestApplicants.Registered applicant = fixtures.completeApplicant("吴" + i, false);
			applicants.add(applicant);
			drafts.add(fill(applicant, batch).id());
		}
		List<Object> results = Concurrently.run(20,
				i -> applications.submit(applicants.get(i).id(), drafts.get(i), applicants.get(i).principal()));
		assertThat(results).containsOnly(true).hasSize(20);
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isEqualTo(20);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE batch_id = :b AND status = 'SUBMITTED'")
			.param("b", batch).query(Integer.class).single()).isEqualTo(20);
	}

	@Test
	void cancelGivesThePlaceBackReopensTheProfileAndTheApplicantStartsAgain() throws Exception {
		long batch = fixtures.openBatch("取消" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered applicant = fixtures.completeApplicant("郑取消", false);
		ApplicationView draft = fill(applicant, batch);
		assertRefused(() -> applications.cancel(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.cancel-state");
		applications.submit(applicant.id(), draft.id(), applicant.principal());
		assertThat(applications.submit(applicant.id(), draft.id(), applicant.principal())).as("a replay").isFalse();

		applications.cancel(applicant.id(), draft.id(), applicant.principal());
		assertThat(status(draft.id())).isEqualTo("CANCELLED");
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isZero();
		assertThat(profiles.view(applicant.id()).frozen()).isFalse();
		assertRefused(() -> applications.cancel(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.cancel-state");
		assertRefused(() -> applications.submit(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.state");

		// starting again reuses the row (one per applicant and batch) and keeps the earlier answers
		ApplicationView again = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		assertThat(again.id()).isEqualTo(draft.id());
		assertThat(again.status()).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(again.firstChoice()).isEqualTo(fixtures.institution(ApplicationFixtures.BASE));
		applications.submit(applicant.id(), again.id(), applicant.principal());
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isEqualTo(1);
		assertThat(applications.history(draft.id())).extracting(HistoryEntry::messageKey)
			.containsExactly("application.history.created", "application.history.SUBMITTED",
					"application.history.CANCELLED", "application.history.restarted", "application.history.SUBMITTED");
	}

	@Test
	void cancelIsRefusedOnceTheWindowClosed() throws Exception {
		long batch = fixtures.openBatch("关窗取消" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered applicant = fixtures.completeApplicant("冯关窗", false);
		ApplicationView draft = fill(applicant, batch);
		applications.submit(applicant.id(), draft.id(), applicant.principal());
		clock.advance(Duration.ofDays(2));
		assertRefused(() -> applications.cancel(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.cancel-closed");
		assertThat(status(draft.id())).isEqualTo("SUBMITTED");
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isEqualTo(1);
		assertThat(profiles.view(applicant.id()).frozen()).isTrue();
	}

	@Test
	void choicesMustBeBasesWithAnApprovedPlanWithoutGapsOrRepeats() throws Exception {
		long batch = fixtures.openBatch("志愿" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		fixtures.approvedPlan(batch, ApplicationFixtures.OTHER_BASE, "R01", 3);
		TestApplicants.Registered applicant = fixtures.completeApplicant("陈志愿", false);
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT);
		applications.chooseSpecialty(applicant.id(), draft.id(), fixtures.specialty("R01"));
		long base = fixtures.institution(ApplicationFixtures.BASE);
		long other = fixtures.institution(ApplicationFixtures.OTHER_BASE);
		assertRefused(() -> applications.chooseBases(applicant.id(), draft.id(), Arrays.asList(null, base), true),
				"application.validation.choice-gap");
		assertRefused(() -> applications.chooseBases(applicant.id(), draft.id(), List.of(base, base), true),
				"application.validation.choice-twice");
		assertRefused(() -> applications.chooseBases(applicant.id(), draft.id(),
				List.of(fixtures.institution("35012205")), true), "application.validation.choice-plan");
		assertRefused(() -> applications.chooseBases(applicant.id(), draft.id(), List.of(base), null),
				"validation.required");
		applications.chooseBases(applicant.id(), draft.id(), List.of(other, base), false);
		assertThat(applications.find(applicant.id(), draft.id()).orElseThrow().choices()).containsExactly(other, base);

		// another specialty empties the choices
		applications.chooseSpecialty(applicant.id(), draft.id(), fixtures.specialty("R03"));
		assertThat(applications.find(applicant.id(), draft.id()).orElseThrow().choices()).isEmpty();
	}

	// ------------------------------------------------------------------------------------------ helpers

	private ApplicationView fill(TestApplicants.Registered applicant, long batch) {
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT);
		applications.chooseSpecialty(applicant.id(), draft.id(), fixtures.specialty("R01"));
		applications.chooseBases(applicant.id(), draft.id(), List.of(fixtures.institution(ApplicationFixtures.BASE)),
				true);
		return applications.find(applicant.id(), draft.id()).orElseThrow();
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM application WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOf(InputRejected.class)
			.satisfies(e -> assertThat(((InputRejected) e).messageKey()).isEqualTo(key));
	}
}
