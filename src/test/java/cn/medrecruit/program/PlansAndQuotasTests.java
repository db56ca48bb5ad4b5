package cn.medrecruit.program;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.medrecruit.Concurrently;
import cn.medrecruit.IntegrationTest;

@IntegrationTest
class PlansAndQuotasTests {

	static final String BASE = "35000101";
	static final String OTHER_BASE = "35000102";
	static final String PROVINCE = "350000";
	/** A second account of the second base (its demo administrator must first change the password). */
	static final String OTHER_LOGIN = "plans-35000102";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Placements placements;

	/** The demo has one base account; the second base gets one here, signed in only through MockMvc. */
	@org.junit.jupiter.api.BeforeEach
	void secondBaseAccount() {
		if (jdbc.sql("SELECT COUNT(*) FROM account WHERE login_name = :l").param("l", OTHER_LOGIN).query(Integer.class)
			.single() > 0) {
			return;
		}
		String path = jdbc.sql("SELECT path FROM institution WHERE code = :c").param("c", OTHER_BASE)
			.query(String.class).single();
		jdbc.sql("""
				INSERT INTO account (login_name, kind, real_name, institution_id, institution_path, password_hash,
				  password_changed_at, must_change_password, profile_required, enabled, failed_attempts, created_at, version)
				VALUES (:l, 'STAFF', '协和医院管理员', :i, :p, '{noop}x', CURRENT_TIMESTAMP, FALSE, FALSE, TRUE, 0,
				  CURRENT_TIMESTAMP, 0)""")
			.param("l", OTHER_LOGIN).param("i", institution(OTHER_BASE)).param("p", path).update();
		jdbc.sql("INSERT INTO account_role (account, role) SELECT id, 'BASE' FROM account WHERE login_name = :l")
			.param("l", OTHER_LOGIN).update();
	}

	// ------------------------------------------------------------------------------------------ plans

	@Test
	void aBaseDeclaresTheProvinceApprovesAndThePlanBecomesReadOnly() throws Exception {
		long batch = newBatch("申报通过", "AFFILIATED,GENERAL");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		assertThat(page(as(BASE, get("/plans")))).contains("申报通过", "未申报");

		declare(BASE, batch, Map.of(r01, "12", r03, "0"), null).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "“申报通过”的招生计划已申报"));
		assertThat(places(batch, BASE, r01)).isEqualTo(12);
		assertThat(places(batch, BASE, r03)).isZero();
		assertThat(declarationStatus(batch, BASE)).isEqualTo("DECLARED");
		assertThat(audits("PLAN_DECLARED", batch, BASE)).isEqualTo(1);

		String review = page(as(PROVINCE, get("/programs/batches/" + batch + "/plans")));
		assertThat(review).contains("福建医科大学附属第一医院", "已申报", "审核通过");
		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "招生计划已审核通过"));
		assertThat(declarationStatus(batch, BASE)).isEqualTo("APPROVED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM plan WHERE batch_id = :b AND status <> 'APPROVED'")
			.param("b", batch).query(Integer.class).single()).isZero();
		assertThat(audits("PLAN_APPROVED", batch, BASE)).isEqualTo(1);

		String readOnly = page(as(BASE, get("/plans/batches/" + batch)));
		assertThat(readOnly).contains("已通过", "招生计划已审核通过，不能再修改。").doesNotContain("id=\"plan-form\"");
		String refused = page(declare(BASE, batch, Map.of(r01, "30", r03, "1"), "1"));
		assertThat(refused).contains("招生计划已审核通过，不能再修改");
		assertThat(places(batch, BASE, r01)).isEqualTo(12);

		// the counters show on the province's page
		placements.take(new BatchId(batch), institution(BASE), r01);
		placements.take(new BatchId(batch), institution(BASE), r01);
		assertThat(placements.plansFor(new BatchId(batch), r01))
			.containsExactly(new PlanLine(institution(BASE), "福建医科大学附属第一医院", r01, 12, 2));
		assertThat(placements.plansFor(new BatchId(batch), r03)).as("no places, no choice").isEmpty();
		String counts = page(as(PROVINCE, get("/programs/batches/" + batch + "/plans")));
		assertThat(counts).containsPattern("(?s)id=\"total-" + r01 + "\">.*?>12<.*?>12<.*?>2<.*?>10<");
		// and in the chart's data: applied and remaining places stacked per specialty
		assertThat(counts).contains("&quot;stacked&quot;:true", "&quot;name&quot;:&quot;已报名&quot;",
				"&quot;name&quot;:&quot;剩余名额&quot;");
	}

	@Test
	void aReturnNeedsAReasonAndTheBaseCorrectsAndDeclaresAgain() throws Exception {
		long batch = newBatch("申报退回", "AFFILIATED");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		declare(BASE, batch, Map.of(r01, "5", r03, "6"), null).andExpect(status().is3xxRedirection());

		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "return")).param("version", "0").param("reason", "  ")))
			.andExpect(flash().attribute("flashError", "请填写退回原因"));
		assertThat(declarationStatus(batch, BASE)).isEqualTo("DECLARED");

		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "return")).param("version", "0")
			.param("reason", "内科计划过多"))).andExpect(flash().attribute("flashSuccess", "招生计划已退回"));
		assertThat(declarationStatus(batch, BASE)).isEqualTo("RETURNED");
		assertThat(audits("PLAN_RETURNED", batch, BASE)).isEqualTo(1);
		assertThatThrownBy(() -> placements.take(new BatchId(batch), institution(BASE), r01))
			.isInstanceOf(PlacementRefused.class);

		String page = page(as(BASE, get("/plans/batches/" + batch)));
		assertThat(page).contains("已退回", "内科计划过多", "id=\"plan-form\"", "value=\"5\"");
		declare(BASE, batch, Map.of(r01, "3", r03, "6"), "1").andExpect(status().is3xxRedirection());
		assertThat(declarationStatus(batch, BASE)).isEqualTo("DECLARED");
		assertThat(places(batch, BASE, r01)).isEqualTo(3);
		assertThat(jdbc.sql("SELECT reason FROM plan_declaration WHERE batch_id = :b").param("b", batch)
			.query((rs, n) -> rs.getString(1)).list()).containsExactly((String) null);

		// a second approval from a page loaded before the new declaration is stale
		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(flash().attribute("flashError", "该记录已被他人修改，请刷新后重试"));
		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "approve")).param("version", "2")))
			.andExpect(flash().attribute("flashSuccess", "招生计划已审核通过"));
		assertThat(declarationStatus(batch, BASE)).isEqualTo("APPROVED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1000", "十", "1.5", "" })
	void aWrongNumberIsRefusedBesideItsFieldAndNothingIsWritten(String value) throws Exception {
		long batch = newBatch("校验" + Math.abs(value.hashCode()), "AFFILIATED");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		String page = page(declare(BASE, batch, Map.of(r01, "4", r03, value), null));
		assertThat(page).contains(value.isEmpty() ? "此项为必填项" : "请输入0–999之间的整数");
		assertThat(fieldError(page, "places-" + r03)).isTrue();
		assertThat(fieldError(page, "places-" + r01)).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM plan WHERE batch_id = :b").param("b", batch).query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM plan_declaration WHERE batch_id = :b").param("b", batch)
			.query(Integer.class).single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "350122", "zhangsan" })
	void otherRolesCannotDeclareOrReview(String login) throws Exception {
		long batch = newBatch("越权" + login, "AFFILIATED");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		declare(BASE, batch, Map.of(r01, "1", r03, "1"), null).andExpect(status().is3xxRedirection());
		mvc.perform(get("/plans").with(user(users.loadUserByUsername(login)))).andExpect(status().isForbidden());
		declare(login, batch, Map.of(r01, "9", r03, "9"), "0").andExpect(status().isForbidden());
		for (String url : List.of("/programs/batches/" + batch + "/plans", "/programs/batches/" + batch + "/quotas")) {
			mvc.perform(get(url).with(user(users.loadUserByUsername(login)))).andExpect(status().isForbidden());
		}
		mvc.perform(as(login, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(status().isForbidden());
		mvc.perform(as(login, post("/programs/batches/" + batch + "/quotas").param("cityId", String.valueOf(institution("350100")))
			.param("specialtyId", String.valueOf(r01)).param("places", "5"))).andExpect(status().isForbidden());
		assertThat(places(batch, BASE, r01)).isEqualTo(1);
		assertThat(declarationStatus(batch, BASE)).isEqualTo("DECLARED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quota WHERE batch_id = :b").param("b", batch).query(Integer.class)
			.single()).isZero();
		assertThat(page(get("/").with(user(users.loadUserByUsername(login))))).doesNotContain("招生计划申报");
		assertThat(page(get("/").with(user(users.loadUserByUsername(BASE))))).contains("招生计划申报");
	}

	@Test
	void aBaseCannotActOnAnotherBasesPlanNorOnABatchNotOpenToItsCategory() throws Exception {
		long batch = newBatch("他人计划", "AFFILIATED");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		declare(BASE, batch, Map.of(r01, "7", r03, "7"), null).andExpect(status().is3xxRedirection());
		// another base approves, returns or reads the province's view of the first base's plan
		mvc.perform(as(OTHER_LOGIN, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(status().isForbidden());
		mvc.perform(as(BASE, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(status().isForbidden());
		mvc.perform(as(OTHER_LOGIN, post(decision(batch, BASE, "return")).param("version", "0").param("reason", "x")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/programs/batches/" + batch + "/plans").with(user(users.loadUserByUsername(OTHER_LOGIN))))
			.andExpect(status().isForbidden());
		// its own declaration for the batch does not touch the first base's rows
		declare(OTHER_LOGIN, batch, Map.of(r01, "2", r03, "2"), null).andExpect(status().is3xxRedirection());
		assertThat(places(batch, BASE, r01)).isEqualTo(7);
		assertThat(places(batch, OTHER_BASE, r01)).isEqualTo(2);
		assertThat(page(as(OTHER_LOGIN, get("/plans/batches/" + batch)))).contains("value=\"2\"").doesNotContain("value=\"7\"");
		assertThat(declarationStatus(batch, BASE)).isEqualTo("DECLARED");

		long generalOnly = newBatch("仅综合医院", "GENERAL");
		assertThat(page(as(BASE, get("/plans")))).doesNotContain("仅综合医院");
		mvc.perform(get("/plans/batches/" + generalOnly).with(user(users.loadUserByUsername(BASE))))
			.andExpect(status().isForbidden());
		declare(BASE, generalOnly, Map.of(r01, "1", r03, "1"), null).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM plan WHERE batch_id = :b").param("b", generalOnly)
			.query(Integer.class).single()).isZero();
	}

	// ------------------------------------------------------------------------------------------ quotas

	@Test
	void theProvinceAddsEditsAndListsQuotas() throws Exception {
		long batch = newBatch("名额", "AFFILIATED");
		long r01 = specialty("R01");
		long fuzhou = institution("350100");
		long quanzhou = institution("350500");
		assertThat(page(as(PROVINCE, get("/programs/batches/" + batch + "/quotas")))).contains("福州市卫生健康委员会",
				"泉州市卫生健康委员会").doesNotContain("连江县卫生健康局");

		setQuota(batch, fuzhou, r01, "30", null).andExpect(status().is3xxRedirection());
		setQuota(batch, quanzhou, r01, "20", null).andExpect(status().is3xxRedirection());
		String again = page(setQuota(batch, fuzhou, r01, "31", null));
		assertThat(again).contains("该地市该专业已有名额");
		String wrong = page(setQuota(batch, fuzhou, specialty("R03"), "-3", null));
		assertThat(wrong).contains("请输入0–99999之间的整数");
		assertThat(fieldError(wrong, "places")).isTrue();
		String county = page(setQuota(batch, institution("350122"), r01, "3", null));
		assertThat(county).contains("请选择地市");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quota WHERE batch_id = :b").param("b", batch).query(Integer.class)
			.single()).isEqualTo(2);

		String edit = page(as(PROVINCE, get("/programs/batches/" + batch + "/quotas").param("city", String.valueOf(fuzhou))
			.param("specialty", String.valueOf(r01))));
		assertThat(edit).contains("value=\"30\"", "保存修改");
		setQuota(batch, fuzhou, r01, "35", "0").andExpect(status().is3xxRedirection());
		assertThat(page(setQuota(batch, fuzhou, r01, "36", "0"))).contains("该记录已被他人修改，请刷新后重试");
		assertThat(quota(batch, fuzhou, r01)).isEqualTo(35);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUOTA_SET' AND target LIKE :t")
			.param("t", "quota:" + batch + "/%").query(Integer.class).single()).isEqualTo(3);

		placements.takeQuota(new BatchId(batch), fuzhou, r01);
		placements.takeQuota(new BatchId(batch), fuzhou, r01);
		placements.giveBackQuota(new BatchId(batch), quanzhou, r01);
		assertThatThrownBy(() -> placements.takeQuota(new BatchId(batch), fuzhou, specialty("R03")))
			.isInstanceOf(PlacementRefused.class);
		String list = page(as(PROVINCE, get("/programs/batches/" + batch + "/quotas")));
		assertThat(list).containsPattern("(?s)福州市卫生健康委员会</td>.*?>35<.*?>2<.*?>33<")
			.containsPattern("(?s)泉州市卫生健康委员会</td>.*?>20<.*?>0<.*?>20<")
			.containsPattern("(?s)合计</td>.*?>55<.*?>2<.*?>53<");
	}

	// ------------------------------------------------------------------------------------------ counters

	@Test
	void twentyConcurrentTakesCountExactlyTwenty() throws Exception {
		long batch = newBatch("并发报名", "AFFILIATED");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		declare(BASE, batch, Map.of(r01, "5", r03, "5"), null).andExpect(status().is3xxRedirection());
		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(status().is3xxRedirection());
		long base = institution(BASE);
		Concurrently.run(20, i -> {
			placements.take(new BatchId(batch), base, r01);
			return null;
		});
		assertThat(applied(batch, BASE, r01)).isEqualTo(20);
		assertThat(applied(batch, BASE, r03)).isZero();
	}

	@Test
	void takeOnAnUnapprovedPlanThrowsAndChangesNothingAndGiveBackStopsAtZero() throws Exception {
		long batch = newBatch("未审核计划", "AFFILIATED");
		long r01 = specialty("R01");
		long r03 = specialty("R03");
		long base = institution(BASE);
		declare(BASE, batch, Map.of(r01, "5", r03, "5"), null).andExpect(status().is3xxRedirection());
		assertThatThrownBy(() -> placements.take(new BatchId(batch), base, r01)).isInstanceOf(PlacementRefused.class)
			.hasMessageContaining("no approved plan");
		assertThatThrownBy(() -> placements.take(new BatchId(batch), institution(OTHER_BASE), r01))
			.isInstanceOf(PlacementRefused.class);
		assertThat(applied(batch, BASE, r01)).isZero();
		assertThat(placements.plansFor(new BatchId(batch), r01)).isEmpty();

		mvc.perform(as(PROVINCE, post(decision(batch, BASE, "approve")).param("version", "0")))
			.andExpect(status().is3xxRedirection());
		placements.take(new BatchId(batch), base, r01);
		placements.giveBack(new BatchId(batch), base, r01);
		placements.giveBack(new BatchId(batch), base, r01);
		placements.giveBack(new BatchId(batch), base, r03);
		assertThat(applied(batch, BASE, r01)).isZero();
		assertThat(applied(batch, BASE, r03)).isZero();
	}

	// ------------------------------------------------------------------------------------------ helpers

	private org.springframework.test.web.servlet.ResultActions declare(String login, long batch, Map<Long, String> places,
			String version) throws Exception {
		MockHttpServletRequestBuilder request = post("/plans/batches/" + batch);
		places.forEach((id, value) -> request.param("places[" + id + "]", value));
		if (version != null) {
			request.param("version", version);
		}
		return mvc.perform(as(login, request));
	}

	private org.springframework.test.web.servlet.ResultActions setQuota(long batch, long city, long specialty,
			String places, String version) throws Exception {
		MockHttpServletRequestBuilder request = post("/programs/batches/" + batch + "/quotas")
			.param("cityId", String.valueOf(city))
			.param("specialtyId", String.valueOf(specialty))
			.param("places", places);
		if (version != null) {
			request.param("version", version);
		}
		return mvc.perform(as(PROVINCE, request));
	}

	private String decision(long batch, String baseLogin, String what) {
		return "/programs/batches/" + batch + "/plans/" + institution(baseLogin) + "/" + what;
	}

	private MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
		return request.with(user(users.loadUserByUsername(login))).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return page(mvc.perform(request));
	}

	private static String page(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static boolean fieldError(String page, String inputId) {
		int at = page.indexOf("id=\"" + inputId + "\"");
		if (at < 0) {
			return false;
		}
		int tagStart = page.lastIndexOf('<', at);
		int tagEnd = page.indexOf('>', at);
		return page.substring(tagStart, tagEnd).contains("is-invalid");
	}

	private long institution(String code) {
		return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long specialty(String code) {
		return jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'residency' AND code = :c")
			.param("c", code).query(Long.class).single();
	}

	private Integer places(long batch, String base, long specialty) {
		return planColumn("places", batch, base, specialty);
	}

	private Integer applied(long batch, String base, long specialty) {
		return planColumn("applied_count", batch, base, specialty);
	}

	private Integer planColumn(String column, long batch, String base, long specialty) {
		return jdbc.sql("SELECT " + column + " FROM plan WHERE batch_id = :b AND base_institution_id = :i AND specialty_id = :s")
			.param("b", batch).param("i", institution(base)).param("s", specialty)
			.query(Integer.class).optional().orElse(null);
	}

	private Integer quota(long batch, long city, long specialty) {
		return jdbc.sql("SELECT places FROM quota WHERE batch_id = :b AND city_institution_id = :c AND specialty_id = :s")
			.param("b", batch).param("c", city).param("s", specialty).query(Integer.class).single();
	}

	private String declarationStatus(long batch, String base) {
		return jdbc.sql("SELECT status FROM plan_declaration WHERE batch_id = :b AND base_institution_id = :i")
			.param("b", batch).param("i", institution(base)).query(String.class).single();
	}

	private int audits(String action, long batch, String base) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND target = :t").param("a", action)
			.param("t", "plan:" + batch + "/" + institution(base)).query(Integer.class).single();
	}

	/** A residency batch with R01 and R03 open, registration in March 2031, for the given base categories. */
	private long newBatch(String name, String categories) throws Exception {
		long cohort = newCohort();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("registration.start", "2031-03-01T09:00");
		form.put("registration.end", "2031-03-10T17:30");
		form.put("stageWindows[0].start", "2031-03-02T08:00");
		form.put("stageWindows[0].end", "2031-03-20T17:00");
		form.put("admission.start", "2031-04-01T09:00");
		form.put("admission.end", "2031-04-10T17:00");
		form.put("confirmation.start", "2031-04-11T09:00");
		form.put("confirmation.end", "2031-04-15T17:00");
		form.put("checkIn.start", "2031-08-25T09:00");
		form.put("checkIn.end", "2031-09-05T17:00");
		form.put("name", name);
		form.put("personTypes", "OWN_RESIDENT,SOCIAL_RECRUIT");
		form.put("baseCategories", categories);
		form.put("choiceCount", "2");
		form.put("adjustmentAllowed", "true");
		form.put("specialtyIds", specialty("R01") + "," + specialty("R03"));
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		form.forEach((key, value) -> {
			for (String part : value.split(",", -1)) {
				params.add(key, part);
			}
		});
		mvc.perform(as(PROVINCE, post("/programs/residency/cohorts/" + cohort + "/batches/new").params(params)))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT id FROM batch WHERE cohort_id = :c AND name = :n").param("c", cohort).param("n", name)
			.query(Long.class).single();
	}

	private synchronized long newCohort() throws Exception {
		Integer max = jdbc.sql("SELECT MAX(cohort_year) FROM cohort WHERE program_code = 'residency'")
			.query(Integer.class).optional().orElse(null);
		int year = max == null ? 2000 : max + 1;
		mvc.perform(as(PROVINCE, post("/programs/residency/cohorts").param("year", String.valueOf(year))))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT id FROM cohort WHERE program_code = 'residency' AND cohort_year = :y").param("y", year)
			.query(Long.class).single();
	}
}
