package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.program.SupplementaryFields;
import cn.medrecruit.shared.InputRejected;
/** The batch's person-type rules and supplementary fields, at step 1, 2, 4 and again at submit. */
@IntegrationTest
class BatchRulesTests extends ApplicationTestSupport {

	// ------------------------------------------------------------------------------------------ person types

	@Test
	void theGraduationYearsOfTheBatchAreEnforcedAtStepTwoAndAgainAtSubmit() throws Exception {
		long batch = fixtures.openBatch("毕业年份" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		graduationYears(batch, "2023,2024");
		TestApplicants.Registered applicant = fixtures.completeApplicant("吴毕业", false);

		// step 1 says why: no unit for 本单位, graduated 2019 for 面向社会
		String batches = page(applicant, get("/apply"));
		assertThat(batches).contains("仅限2023、2024年毕业的人员报名，您的最高学历毕业年份为2019年",
				"您目前不符合本批次任何人员类型的报名条件");
		assertThat(batches).doesNotContain("id=\"start-" + batch + "\"");

		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		assertThatThrownBy(() -> applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT))
			.isInstanceOf(InputRejected.class)
			.satisfies(e -> {
				assertThat(((InputRejected) e).messageKey()).isEqualTo("application.validation.graduation");
				assertThat(((InputRejected) e).arguments()).containsExactly("2023、2024", "2019");
			});

		graduationYears(batch, "2019");
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT);
		choices(applicant, draft.id());

		// the province narrows the years before the submit: refused, nothing counted
		graduationYears(batch, "2024");
		assertRefused(() -> applications.submit(applicant.id(), draft.id(), applicant.principal()),
				"application.validation.graduation");
		assertThat(status(draft.id())).isEqualTo("DRAFT");
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isZero();

		graduationYears(batch, "2019");
		assertThat(applications.submit(applicant.id(), draft.id(), applicant.principal())).isTrue();
	}

	@Test
	void theCurrentUnitRuleIsTheBatchsAtStepTwoAndAtSubmit() throws Exception {
		long batch = fixtures.openBatch("单位规则" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		currentUnitRequired(batch, "OWN_RESIDENT", false);
		TestApplicants.Registered applicant = fixtures.completeApplicant("郑单位", false);
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());

		// this batch admits 本单位 without a unit in the profile
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.OWN_RESIDENT);
		choices(applicant, draft.id());

		// and asks one of 面向社会
		currentUnitRequired(batch, "SOCIAL_RECRUIT", true);
		assertRefused(() -> applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT),
				"application.validation.current-unit");

		// a rule tightened after step 2 holds at submit
		currentUnitRequired(batch, "OWN_RESIDENT", true);
		assertRefused(() -> applications.submit(applicant.id(), draft.id(), applicant.principal()),
				"application.validation.current-unit");
		assertThat(status(draft.id())).isEqualTo("DRAFT");
	}

	// ------------------------------------------------------------------------------------------ supplementary fields

	@Test
	void fieldValuesMustComeFromTheListAndDatesFromThePastInOrder() throws Exception {
		long batch = fixtures.openBatch("补充信息" + System.nanoTime(), clock.instant());
		field(batch, "title", true);
		field(batch, "title-start", true);
		field(batch, "specialty-work-start", false);
		TestApplicants.Registered applicant = fixtures.completeApplicant("冯补充", false);
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		LocalDate today = LocalDate.now(clock);

		assertThat(findings(applicant, draft.id(), Map.of("title", "BOSS", "title-start", today.plusDays(1).toString()), true))
			.containsEntry("values[title]", "program.field.validation.option")
			.containsEntry("values[title-start]", "program.field.validation.future");
		assertThat(findings(applicant, draft.id(), Map.of("title", "ATTENDING", "title-start", "2020-01-01",
				"specialty-work-start", "2021-05-01"), true))
			.containsOnlyKeys("values[specialty-work-start]")
			.containsValue("program.field.validation.order");
		assertThat(findings(applicant, draft.id(), Map.of("title-start", "2020-13-01"), true))
			.containsEntry("values[title]", "validation.required")
			.containsEntry("values[title-start]", "program.field.validation.date");

		// going back keeps what is valid without asking for the rest
		applications.saveSupplement(applicant.id(), draft.id(), Map.of("title", "ATTENDING"), false);
		assertThat(applications.find(applicant.id(), draft.id()).orElseThrow().fields())
			.containsExactly(Map.entry("title", "ATTENDING"));

		// submit asks for every required field
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT);
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		choices(applicant, draft.id());
		assertRefused(() -> applications.submit(applicant.id(), draft.id(), applicant.principal()),
				"application.refused.supplement");

		applications.saveSupplement(applicant.id(), draft.id(), Map.of("title", "ATTENDING", "title-start",
				"2020-01-01", "specialty-work-start", "2016-08-01"), true);
		assertThat(applications.submit(applicant.id(), draft.id(), applicant.principal())).isTrue();
		String status = page(applicant, get("/applications/" + draft.id()));
		assertThat(status).contains("职称", "主治医师", "职称开始时间", "2020-01-01", "本专业开始工作时间", "2016-08-01");
	}

	@Test
	void theExamPathMustBeOneBranchOfTheTree() throws Exception {
		long batch = fixtures.openBatch("报考路径" + System.nanoTime(), clock.instant());
		for (String key : List.of("exam-level", "exam-qualification", "exam-category", "exam-scope", "exam-specialty")) {
			field(batch, key, true);
		}
		TestApplicants.Registered applicant = fixtures.completeApplicant("卫路径", false);
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());

		Map<String, String> crossed = path("L1", "L2-Q1", "L2-Q1-C1", "L2-Q1-C1-S1", "L2-Q1-C1-S1-P1");
		assertThat(findings(applicant, draft.id(), crossed, true)).containsEntry("values[exam-qualification]",
				"program.field.validation.path");
		Map<String, String> consistent = path("L1", "L1-Q1", "L1-Q1-C1", "L1-Q1-C1-S1", "L1-Q1-C1-S1-P2");
		applications.saveSupplement(applicant.id(), draft.id(), consistent, true);
		assertThat(applications.find(applicant.id(), draft.id()).orElseThrow().fields()).hasSize(5);

		// the page: a refused path comes back with the message beside the field
		MockHttpServletRequestBuilder post = post("/apply/" + draft.id() + "/supplement");
		crossed.forEach((key, value) -> post.param("values[" + key + "]", value));
		String page = page(applicant, post);
		assertThat(page).contains("所选项与上一级不对应，请重新选择");
		assertThat(page).contains("<select class=\"form-select is-invalid\" id=\"field-exam-qualification\"");

		// the dependent select offers the children of the level chosen above, nothing else
		String fragment = page(applicant, get("/apply/" + draft.id() + "/supplement/path")
			.param("values[exam-level]", exam("L2")));
		assertThat(fragment).contains("主治医师").doesNotContain("副主任医师").doesNotContain("<html");
	}

	// ------------------------------------------------------------------------------------------ helpers

	private Map<String, String> findings(TestApplicants.Registered applicant, long id, Map<String, String> values,
			boolean complete) {
		try {
			applications.saveSupplement(applicant.id(), id, values, complete);
		}
		catch (SupplementaryFields.FieldsRejected rejected) {
			Map<String, String> found = new LinkedHashMap<>();
			rejected.findings().forEach(finding -> found.put(finding.field(), finding.messageKey()));
			return found;
		}
		return Map.of();
	}

	private Map<String, String> path(String... codes) {
		String[] keys = { "exam-level", "exam-qualification", "exam-category", "exam-scope", "exam-specialty" };
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < codes.length; i++) {
			values.put(keys[i], exam(codes[i]));
		}
		return values;
	}

	private String exam(String code) {
		return String.valueOf(jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = :c")
			.param("c", code).query(Long.class).single());
	}

	private void choices(TestApplicants.Registered applicant, long id) {
		applications.chooseSpecialty(applicant.id(), id, fixtures.specialty("R01"));
		applications.chooseBases(applicant.id(), id, List.of(fixtures.institution(ApplicationFixtures.BASE)), true);
	}

	private void graduationYears(long batch, String years) {
		jdbc.sql("UPDATE batch_person_type SET graduation_years = :y WHERE batch_id = :b AND person_type = 'SOCIAL_RECRUIT'")
			.param("y", years).param("b", batch).update();
	}

	private void currentUnitRequired(long batch, String type, boolean required) {
		jdbc.sql("UPDATE batch_person_type SET current_unit_required = :r WHERE batch_id = :b AND person_type = :t")
			.param("r", required).param("b", batch).param("t", type).update();
	}

	private void field(long batch, String key, boolean required) {
		jdbc.sql("INSERT INTO batch_field (batch_id, field_key, required) VALUES (:b, :k, :r)")
			.param("b", batch).param("k", key).param("r", required).update();
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM application WHERE id = :id").param("id", id).query(String.class).single();
	}

	private String page(TestApplicants.Registered applicant, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(applicant.principal())).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static void assertRefused(Runnable action, String messageKey) {
		assertThatThrownBy(action::run).isInstanceOf(InputRejected.class)
			.extracting(e -> ((InputRejected) e).messageKey())
			.isEqualTo(messageKey);
	}
}
