package cn.medrecruit.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;

@IntegrationTest
class ProgramSetupPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Batches batches;

	// ------------------------------------------------------------------------------------------ create

	@Test
	void provinceCreatesACohortAndABatchWhoseWindowsAreStoredAsShanghaiInstants() throws Exception {
		int year = freeYear("residency");
		mvc.perform(as("350000", post("/programs/residency/cohorts").param("year", String.valueOf(year))))
			.andExpect(status().is3xxRedirection());
		long cohort = cohortId("residency", year);
		assertThat(page(as("350000", get("/programs/residency")))).contains(year + "界");

		Map<String, String> form = residencyForm("第一批");
		String location = mvc.perform(as("350000", post(newBatchUrl("residency", cohort)).params(params(form))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/programs/batches/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long batch = Long.parseLong(location.substring(location.lastIndexOf('/') + 1).replace("#chain", ""));

		assertThat(instant("SELECT registration_start FROM batch WHERE id = :id", batch))
			.isEqualTo(Instant.parse("2031-03-01T01:00:00Z"));
		assertThat(instant("SELECT registration_end FROM batch WHERE id = :id", batch))
			.isEqualTo(Instant.parse("2031-03-10T09:30:00Z"));
		assertThat(instant("SELECT window_start FROM batch_stage WHERE batch_id = :id", batch))
			.isEqualTo(Instant.parse("2031-03-02T00:00:00Z"));
		assertThat(jdbc.sql("SELECT stage_level FROM batch_stage WHERE batch_id = :id").param("id", batch)
			.query(String.class).list()).containsExactly("FIRST_CHOICE_BASE");
		assertThat(jdbc.sql("SELECT person_type FROM batch_person_type WHERE batch_id = :id ORDER BY person_type")
			.param("id", batch).query(String.class).list()).containsExactly("OWN_RESIDENT", "SOCIAL_RECRUIT");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'BATCH_CREATED' AND target = :t")
			.param("t", "batch:" + batch).query(Integer.class).single()).isEqualTo(1);

		String list = page(as("350000", get("/programs/residency")));
		assertThat(list).contains("第一批", "未开始", "2031-03-01 09:00", "2031-03-10 17:30");
		String edit = page(as("350000", get("/programs/batches/" + batch)));
		assertThat(edit).contains("value=\"2031-03-01T09:00\"", "第一志愿基地", "面向社会招收住院医师");
	}

	// ------------------------------------------------------------------------------------------ rules and fields

	@Test
	void theProvinceSetsPersonTypeRulesAndSupplementaryFieldsOnTheBatchPage() throws Exception {
		long cohort = newCohort("residency");
		Map<String, String> form = residencyForm("规则与补充信息");
		form.put("rules[0].type", "OWN_RESIDENT");
		form.put("rules[0].description", "本院招聘的在职人员");
		form.put("_rules[0].currentUnitRequired", "on");
		form.put("rules[1].type", "SOCIAL_RECRUIT");
		form.put("rules[1].graduationYears", "2022 2023 2024");
		form.put("fields", "source-type,training-years");
		form.put("requiredFields", "source-type");
		mvc.perform(as("350000", post(newBatchUrl("residency", cohort)).params(params(form))))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM batch WHERE cohort_id = :c").param("c", cohort).query(Long.class).single();

		BatchView batch = batches.find(new BatchId(id)).orElseThrow();
		BatchView.PersonTypeRule own = batch.rule(PersonType.OWN_RESIDENT).orElseThrow();
		assertThat(own.description()).isEqualTo("本院招聘的在职人员");
		assertThat(own.currentUnitRequired()).as("unticked by the province").isFalse();
		BatchView.PersonTypeRule social = batch.rule(PersonType.SOCIAL_RECRUIT).orElseThrow();
		assertThat(social.graduation().allowedYears(2024)).containsExactly(2022, 2023, 2024);
		assertThat(social.graduation().admits(2021, 2024)).isFalse();
		assertThat(batch.fields()).containsExactly(new BatchView.FieldRule(SupplementaryField.SOURCE_TYPE, true),
				new BatchView.FieldRule(SupplementaryField.TRAINING_YEARS, false));

		String edit = page(as("350000", get("/programs/batches/" + id)));
		assertThat(edit).contains("本院招聘的在职人员", "value=\"2022,2023,2024\"", "生源类型", "培训年限");
	}

	@Test
	void aNewBatchOffersTheProgramsFieldsAndTheGraduationWindowOf004() throws Exception {
		long cohort = newCohort("residency");
		String page = page(as("350000", get(newBatchUrl("residency", cohort))));
		assertThat(page).contains("生源类型", "培训年限", "近几年内毕业");
		assertThat(page).containsPattern("id=\"rules1.graduationWithin\"[^>]*value=\"3\"");
	}

	@Test
	void badGraduationYearsAndAGapInTheExamPathAreRefusedBesideTheirFields() throws Exception {
		long cohort = newCohort("residency");
		Map<String, String> form = residencyForm("毕业年份错误");
		form.put("rules[1].type", "SOCIAL_RECRUIT");
		form.put("rules[1].graduationYears", "22");
		String page = refused(newBatchUrl("residency", cohort), form, cohort);
		assertThat(page).contains("请输入四位年份");
		assertThat(fieldError(page, "rules1.graduationYears")).isTrue();

		long exam = newCohort("qualification-exam");
		Map<String, String> examForm = windows(4);
		examForm.put("name", "跳级显示");
		examForm.put("personTypes", "EMPLOYED");
		examForm.put("choiceCount", "1");
		examForm.put("adjustmentAllowed", "false");
		examForm.put("specialtyIds", String.valueOf(specialty("qualification-exam", "L1-Q1-C1-S1-P1")));
		examForm.put("fields", "exam-level,exam-category");
		assertThat(refused(newBatchUrl("qualification-exam", exam), examForm, exam)).contains("须从上一级起连续显示");
	}

	// ------------------------------------------------------------------------------------------ validation

	@Test
	void anEndBeforeItsStartIsRefusedBesideTheFieldAndNothingIsWritten() throws Exception {
		long cohort = newCohort("residency");
		Map<String, String> form = residencyForm("结束早于开始");
		form.put("admission.end", "2031-03-20T09:00");
		String page = refused(newBatchUrl("residency", cohort), form, cohort);
		assertThat(page).contains("结束时间须晚于开始时间");
		assertThat(fieldError(page, "admission-end")).isTrue();
	}

	@Test
	void aReviewWindowBeforeRegistrationOpensIsRefused() throws Exception {
		long cohort = newCohort("residency");
		Map<String, String> form = residencyForm("审核早于报名");
		form.put("stageWindows[0].start", "2031-02-28T09:00");
		String page = refused(newBatchUrl("residency", cohort), form, cohort);
		assertThat(page).contains("审核开始时间不得早于报名开始时间");
		assertThat(fieldError(page, "stageWindows-0-start")).isTrue();
	}

	@Test
	void reviewWindowsMustFollowTheChainOrder() throws Exception {
		long cohort = newCohort("county-backbone");
		Map<String, String> form = countyForm("顺序错误", cohort);
		form.put("stageWindows[1].start", "2031-03-01T10:00");
		String page = refused(newBatchUrl("county-backbone", cohort), form, cohort);
		assertThat(page).contains("审核时间须按审核次序设置：不得早于第1级审核的开始时间");
		assertThat(fieldError(page, "stageWindows-1-start")).isTrue();
	}

	@Test
	void missingChoicesAndTypesAreNamedBesideTheirFields() throws Exception {
		long cohort = newCohort("residency");
		Map<String, String> form = residencyForm("缺项");
		form.remove("personTypes");
		form.remove("specialtyIds");
		form.put("choiceCount", "9");
		form.put("registration.start", "");
		String page = refused(newBatchUrl("residency", cohort), form, cohort);
		assertThat(page).contains("请至少选择一种本项目的人员类型", "请至少选择一个开放专业", "可报志愿数须为1–5", "此项为必填项");
	}

	// ------------------------------------------------------------------------------------------ access

	@ParameterizedTest
	@ValueSource(strings = { "350122", "350100", "35000101", "zhangsan" })
	void onlyTheProvinceConfiguresPrograms(String login) throws Exception {
		long cohort = newCohort("residency");
		long batch = newResidencyBatch(cohort, "越权" + login);
		for (String url : List.of("/programs", "/programs/residency", "/programs/residency/specialties",
				"/programs/batches/" + batch, newBatchUrl("residency", cohort))) {
			mvc.perform(get(url).with(user(users.loadUserByUsername(login)))).andExpect(status().isForbidden());
		}
		mvc.perform(as(login, post("/programs/residency/cohorts").param("year", "2099")))
			.andExpect(status().isForbidden());
		mvc.perform(as(login, post(newBatchUrl("residency", cohort)).params(params(residencyForm("越权新增")))))
			.andExpect(status().isForbidden());
		mvc.perform(as(login, post("/programs/batches/" + batch).params(params(residencyForm("越权修改")))))
			.andExpect(status().isForbidden());
		mvc.perform(as(login, post("/programs/batches/" + batch + "/chain").param("edit", "REMOVE").param("index", "0")
			.param("version", "0"))).andExpect(status().isForbidden());
		mvc.perform(as(login, post("/programs/residency/specialties").param("name", "越权专业")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM batch WHERE name LIKE '越权新增%' OR name LIKE '越权修改%'")
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM program_specialty WHERE name = '越权专业'").query(Integer.class)
			.single()).isZero();
		assertThat(page(as("350000", get("/")))).contains("招录设置");
		assertThat(page(get("/").with(user(users.loadUserByUsername(login))))).doesNotContain("招录设置");
	}

	// ------------------------------------------------------------------------------------------ edit, lock, chain

	@Test
	void aSecondSaveFromAStalePageIsRefusedWithAClearMessage() throws Exception {
		long cohort = newCohort("residency");
		long batch = newResidencyBatch(cohort, "并发");
		Map<String, String> first = residencyForm("并发甲");
		first.put("version", "0");
		mvc.perform(as("350000", post("/programs/batches/" + batch).params(params(first))))
			.andExpect(status().is3xxRedirection());
		Map<String, String> second = residencyForm("并发乙");
		second.put("version", "0");
		String page = page(as("350000", post("/programs/batches/" + batch).params(params(second))));
		assertThat(page).contains("该记录已被他人修改，请刷新后重试");
		assertThat(jdbc.sql("SELECT name FROM batch WHERE id = :id").param("id", batch).query(String.class).single())
			.isEqualTo("并发甲");
	}

	@Test
	void theChainIsCopiedFromTheTemplateAndEditable() throws Exception {
		long cohort = newCohort("county-backbone");
		String location = mvc.perform(as("350000", post(newBatchUrl("county-backbone", cohort))
				.params(params(countyForm("流程", cohort)))))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long batch = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(chain(batch)).containsExactly("COUNTY/RETURNS", "CITY/RETURNS", "PROVINCE/ENDS");

		chainEdit(batch, 0, "edit", "UP", "index", "1");
		assertThat(chain(batch)).containsExactly("CITY/RETURNS", "COUNTY/RETURNS", "PROVINCE/ENDS");
		assertThat(instant("SELECT window_start FROM batch_stage WHERE batch_id = :id AND stage_position = 1", batch))
			.as("the window moves with its stage").isEqualTo(Instant.parse("2031-03-02T00:00:00Z"));
		chainEdit(batch, 1, "edit", "ON_REJECT", "index", "0", "onReject", "ENDS");
		chainEdit(batch, 2, "edit", "ADD", "level", "UNIT", "onReject", "RETURNS");
		assertThat(chain(batch)).containsExactly("CITY/ENDS", "COUNTY/RETURNS", "PROVINCE/ENDS", "UNIT/RETURNS");
		chainEdit(batch, 3, "edit", "DOWN", "index", "2");
		chainEdit(batch, 4, "edit", "REMOVE", "index", "0");
		assertThat(chain(batch)).containsExactly("COUNTY/RETURNS", "UNIT/RETURNS", "PROVINCE/ENDS");
		chainEdit(batch, 5, "edit", "REMOVE", "index", "0");
		chainEdit(batch, 6, "edit", "REMOVE", "index", "0");
		assertThat(chain(batch)).containsExactly("PROVINCE/ENDS");

		mvc.perform(as("350000", post("/programs/batches/" + batch + "/chain").param("edit", "REMOVE")
			.param("index", "0").param("version", "7")))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "审核流程至少保留一级审核"));
		mvc.perform(as("350000", post("/programs/batches/" + batch + "/chain").param("edit", "ADD")
			.param("level", "CITY").param("onReject", "ENDS").param("version", "3")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "该记录已被他人修改，请刷新后重试"));
		assertThat(chain(batch)).containsExactly("PROVINCE/ENDS");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'BATCH_CHAIN_CHANGED' AND target = :t")
			.param("t", "batch:" + batch).query(Integer.class).single()).isEqualTo(7);
	}

	@Test
	void theProvinceSetsTheBatchsReviewRulesWithTheChainAndTheServerChecksThem() throws Exception {
		long cohort = newCohort("qualification-exam");
		long batch = examBatch(cohort, "审核规则");
		BatchView fresh = batches.find(new BatchId(batch)).orElseThrow();
		assertThat(fresh.chain()).extracting(ChainStage::level).containsExactly(StageLevel.UNIT,
				StageLevel.REGISTRATION_POINT, StageLevel.EXAM_SITE, StageLevel.EXAM_AREA);
		assertThat(fresh.reentryStage()).as("the first stage by default").isZero();
		assertThat(List.of(0, 1, 2, 3).stream().map(fresh::forwardsBySummary).toList())
			.as("the 考点 waits for its 汇总提交 by default").containsExactly(false, false, true, false);
		assertThat(List.of(0, 1, 2, 3).stream().map(fresh::requiresAllImages).toList())
			.as("only the last stage checks every image by default").containsExactly(false, false, false, true);
		String page = page(as("350000", get("/programs/batches/" + batch)));
		assertThat(page).contains("id=\"review-rules-form\"", "通过后等待汇总提交", "须核对全部图片", "末级环节，无需汇总提交");
		assertThat(checked(page, "reentry-0")).isTrue();
		assertThat(checked(page, "by-summary-2")).isTrue();
		assertThat(checked(page, "images-3")).isTrue();
		assertThat(checked(page, "images-1")).isFalse();

		rules(batch, 0, "1", List.of("1"), List.of("1", "3"), "flashSuccess", "审核规则已保存。");
		BatchView set = batches.find(new BatchId(batch)).orElseThrow();
		assertThat(set.reentryStage()).isEqualTo(1);
		assertThat(List.of(0, 1, 2, 3).stream().map(set::forwardsBySummary).toList())
			.containsExactly(false, true, false, false);
		assertThat(List.of(0, 1, 2, 3).stream().map(set::requiresAllImages).toList())
			.containsExactly(false, true, false, true);
		assertThat(jdbc.sql("SELECT by_summary FROM batch_stage WHERE batch_id = :b AND stage_position = 2")
			.param("b", batch).query(Boolean.class).single()).as("stored, not left to the default").isFalse();
		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'BATCH_REVIEW_RULES_CHANGED' AND target = :t")
			.param("t", "batch:" + batch).query(String.class).list())
			.containsExactly("reentry 1; summary [1]; images [1, 3]");
		page = page(as("350000", get("/programs/batches/" + batch)));
		assertThat(checked(page, "reentry-1")).isTrue();
		assertThat(checked(page, "reentry-0")).isFalse();
		assertThat(checked(page, "by-summary-2")).isFalse();

		// the rules move with their stage when the chain changes
		chainEdit(batch, 1, "edit", "DOWN", "index", "1");
		BatchView moved = batches.find(new BatchId(batch)).orElseThrow();
		assertThat(moved.chain().get(2).level()).isEqualTo(StageLevel.REGISTRATION_POINT);
		assertThat(moved.reentryStage()).isEqualTo(2);
		assertThat(moved.forwardsBySummary(2)).isTrue();
		assertThat(moved.requiresAllImages(2)).isTrue();

		// refused: a stage outside the chain, a summary at the last stage, no stage checking every image, a stale page
		rules(batch, 2, "4", List.of(), List.of("3"), "reviewRulesError",
				Map.of("reentryStage", "请选择审核链中的一个环节作为重新提交后的审核环节。"));
		rules(batch, 2, null, List.of(), List.of("3"), "reviewRulesError",
				Map.of("reentryStage", "请选择审核链中的一个环节作为重新提交后的审核环节。"));
		rules(batch, 2, "0", List.of("3"), List.of("3"), "reviewRulesError",
				Map.of("bySummary", "末级环节之后没有下一环节，不能设置为等待汇总提交。"));
		rules(batch, 2, "0", List.of(), List.of(), "reviewRulesError",
				Map.of("imagesRequired", "至少要有一个环节须核对全部图片。"));
		rules(batch, 0, "0", List.of(), List.of("3"), "flashError", "该记录已被他人修改，请刷新后重试");
		assertThat(batches.find(new BatchId(batch)).orElseThrow().reentryStage()).isEqualTo(2);

		// only the province configures
		for (String login : List.of("350100", "350122")) {
			mvc.perform(as(login, post("/programs/batches/" + batch + "/review-rules").param("version", "2")
				.param("reentryStage", "0").param("imagesRequired", "3"))).andExpect(status().isForbidden());
		}
		assertThat(batches.find(new BatchId(batch)).orElseThrow().reentryStage()).isEqualTo(2);
	}

	private void rules(long batch, int version, String reentry, List<String> bySummary, List<String> images,
			String flash, Object expected) throws Exception {
		MockHttpServletRequestBuilder request = post("/programs/batches/" + batch + "/review-rules")
			.param("version", String.valueOf(version));
		if (reentry != null) {
			request.param("reentryStage", reentry);
		}
		bySummary.forEach(index -> request.param("bySummary", index));
		images.forEach(index -> request.param("imagesRequired", index));
		mvc.perform(as("350000", request))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute(flash, expected));
	}

	/** A qualification-exam batch with the program's chain 单位 → 报名点 → 考点 → 考区, stored as the page stores it. */
	private long examBatch(long cohort, String name) {
		jdbc.sql("""
				INSERT INTO batch (cohort_id, name, choice_count, adjustment_allowed, registration_start, registration_end,
				  admission_start, admission_end, confirmation_start, confirmation_end, check_in_start, check_in_end,
				  version, created_at, updated_at)
				VALUES (:c, :n, 1, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP,
				  CURRENT_TIMESTAMP)""")
			.param("c", cohort).param("n", name).update();
		long batch = jdbc.sql("SELECT id FROM batch WHERE cohort_id = :c AND name = :n").param("c", cohort)
			.param("n", name).query(Long.class).single();
		List<Program.Stage> chain = Program.QUALIFICATION_EXAM.defaultChain();
		for (int i = 0; i < chain.size(); i++) {
			jdbc.sql("""
					INSERT INTO batch_stage (batch_id, stage_position, stage_level, on_reject)
					VALUES (:b, :p, :l, :o)""")
				.param("b", batch).param("p", i).param("l", chain.get(i).level().name())
				.param("o", chain.get(i).onReject().name()).update();
		}
		return batch;
	}

	private static boolean checked(String page, String inputId) {
		int at = page.indexOf("id=\"" + inputId + "\"");
		assertThat(at).as(inputId).isNotNegative();
		int tagStart = page.lastIndexOf('<', at);
		int tagEnd = page.indexOf('>', at);
		return page.substring(tagStart, tagEnd).contains("checked");
	}

	@Test
	void theProvinceAddsAndDisablesSpecialtiesInTheExamTree() throws Exception {
		long scope = jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C1-S1'")
			.query(Long.class).single();
		String name = "肾内科" + System.nanoTime() % 100000;
		mvc.perform(as("350000", post("/programs/qualification-exam/specialties").param("name", name)
			.param("parentId", String.valueOf(scope)))).andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM program_specialty WHERE name = :n").param("n", name).query(Long.class).single();
		assertThat(jdbc.sql("SELECT depth FROM program_specialty WHERE id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(page(as("350000", get("/programs/qualification-exam/specialties")))).contains(name, "呼吸内科", "副高级");
		mvc.perform(as("350000", post("/programs/qualification-exam/specialties/" + id + "/disable")))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT enabled FROM program_specialty WHERE id = :id").param("id", id)
			.query(Boolean.class).single()).isFalse();
		String page = page(as("350000", post("/programs/qualification-exam/specialties").param("name", name)
			.param("parentId", String.valueOf(scope))));
		assertThat(page).contains("同一上级下已有同名专业");
	}

	// ------------------------------------------------------------------------------------------ helpers

	private void chainEdit(long batch, int version, String... pairs) throws Exception {
		MockHttpServletRequestBuilder request = post("/programs/batches/" + batch + "/chain").param("version",
				String.valueOf(version));
		for (int i = 0; i < pairs.length; i += 2) {
			request.param(pairs[i], pairs[i + 1]);
		}
		mvc.perform(as("350000", request))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashSuccess", "审核流程已保存"));
	}

	private List<String> chain(long batch) {
		return jdbc.sql("SELECT stage_level, on_reject FROM batch_stage WHERE batch_id = :id ORDER BY stage_position")
			.param("id", batch)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
			.list();
	}

	private String refused(String url, Map<String, String> form, long cohort) throws Exception {
		int before = batches(cohort);
		String page = page(as("350000", post(url).params(params(form))));
		assertThat(batches(cohort)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM batch_stage s JOIN batch b ON b.id = s.batch_id WHERE b.cohort_id = :c")
			.param("c", cohort).query(Integer.class).single()).isEqualTo(before == 0 ? 0 : before);
		return page;
	}

	private static boolean fieldError(String page, String inputId) {
		int at = page.indexOf("id=\"" + inputId + "\"");
		int tagStart = page.lastIndexOf('<', at);
		int tagEnd = page.indexOf('>', at);
		return at >= 0 && page.substring(tagStart, tagEnd).contains("is-invalid");
	}

	private int batches(long cohort) {
		return jdbc.sql("SELECT COUNT(*) FROM batch WHERE cohort_id = :c").param("c", cohort).query(Integer.class).single();
	}

	long newCohort(String program) throws Exception {
		int year = freeYear(program);
		mvc.perform(as("350000", post("/programs/" + program + "/cohorts").param("year", String.valueOf(year))))
			.andExpect(status().is3xxRedirection());
		return cohortId(program, year);
	}

	private long newResidencyBatch(long cohort, String name) throws Exception {
		mvc.perform(as("350000", post(newBatchUrl("residency", cohort)).params(params(residencyForm(name)))))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT id FROM batch WHERE cohort_id = :c AND name = :n").param("c", cohort).param("n", name)
			.query(Long.class).single();
	}

	private synchronized int freeYear(String program) {
		Integer max = jdbc.sql("SELECT MAX(cohort_year) FROM cohort WHERE program_code = :p").param("p", program)
			.query(Integer.class).optional().orElse(null);
		return max == null ? 2000 : max + 1;
	}

	private long cohortId(String program, int year) {
		return jdbc.sql("SELECT id FROM cohort WHERE program_code = :p AND cohort_year = :y").param("p", program)
			.param("y", year).query(Long.class).single();
	}

	private static String newBatchUrl(String program, long cohort) {
		return "/programs/" + program + "/cohorts/" + cohort + "/batches/new";
	}

	private Map<String, String> residencyForm(String name) {
		Map<String, String> form = windows(1);
		form.put("name", name);
		form.put("personTypes", "OWN_RESIDENT,SOCIAL_RECRUIT");
		form.put("baseCategories", "GENERAL,TEACHING");
		form.put("choiceCount", "2");
		form.put("adjustmentAllowed", "true");
		form.put("specialtyIds", specialty("residency", "R01") + "," + specialty("residency", "R03"));
		return form;
	}

	private Map<String, String> countyForm(String name, long cohort) {
		Map<String, String> form = windows(3);
		form.put("name", name);
		form.put("personTypes", "DISCIPLINE_LEADER,COUNTY_BACKBONE_SPECIALIST");
		form.put("baseCategories", "GENERAL,SPECIALTY,AFFILIATED,TEACHING");
		form.put("choiceCount", "1");
		form.put("adjustmentAllowed", "false");
		form.put("specialtyIds", String.valueOf(specialty("county-backbone", "C01")));
		return form;
	}

	/** Registration 1–10 March 2031, review stages from 2 March a day apart, then admission, confirmation, check-in. */
	private static Map<String, String> windows(int stages) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("registration.start", "2031-03-01T09:00");
		form.put("registration.end", "2031-03-10T17:30");
		for (int i = 0; i < stages; i++) {
			form.put("stageWindows[" + i + "].start", "2031-03-0" + (2 + i) + "T08:00");
			form.put("stageWindows[" + i + "].end", "2031-03-2" + i + "T17:00");
		}
		form.put("admission.start", "2031-04-01T09:00");
		form.put("admission.end", "2031-04-10T17:00");
		form.put("confirmation.start", "2031-04-11T09:00");
		form.put("confirmation.end", "2031-04-15T17:00");
		form.put("checkIn.start", "2031-08-25T09:00");
		form.put("checkIn.end", "2031-09-05T17:00");
		return form;
	}

	private long specialty(String program, String code) {
		return jdbc.sql("SELECT id FROM program_specialty WHERE program_code = :p AND code = :c").param("p", program)
			.param("c", code).query(Long.class).single();
	}

	private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> form) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		form.forEach((key, value) -> {
			for (String part : value.split(",", -1)) {
				params.add(key, part);
			}
		});
		return params;
	}

	private Instant instant(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Timestamp.class).single().toInstant();
	}

	private MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
		return request.with(user(users.loadUserByUsername(login))).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}
}
