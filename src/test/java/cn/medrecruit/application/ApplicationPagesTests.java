package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestClock;

@IntegrationTest
class ApplicationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestApplicants testApplicants;

	@Autowired
	UserDetailsService users;

	@Autowired
	TestClock clock;

	ApplicationFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new ApplicationFixtures(jdbc, mvc, testApplicants);
	}

	@Test
	void anApplicantWalksTheFiveStepsSubmitsAndSeesTheTimeline() throws Exception {
		String name = "页面" + System.nanoTime();
		long batch = fixtures.openBatch(name, clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 8);
		fixtures.approvedPlan(batch, ApplicationFixtures.OTHER_BASE, "R01", 4);
		TestApplicants.Registered applicant = fixtures.completeApplicant("林报名", false);
		TestApplicants.Registered incomplete = testApplicants.register("黄未完善");

		assertThat(page(incomplete, get("/apply"))).contains(name, "个人信息尚不完整", "/profile/basic")
			.doesNotContain("id=\"start-" + batch + "\"");
		String first = page(applicant, get("/apply"));
		assertThat(first).contains(name, "本单位住院医师", "面向社会招收住院医师", "id=\"start-" + batch + "\"");

		perform(applicant, post("/apply/batches/" + batch)).andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM application WHERE account_id = :a AND batch_id = :b")
			.param("a", applicant.id().value()).param("b", batch).query(Long.class).single();
		assertThat(page(applicant, get("/apply/" + id + "/person-type"))).contains("原则上为择业期内");

		// a type that needs a current unit is refused with the reason
		perform(applicant, post("/apply/" + id + "/person-type").param("personType", "OWN_RESIDENT"))
			.andExpect(redirectedUrl("/apply/" + id + "/person-type"))
			.andExpect(flash().attribute("flashError",
					"该人员类型须在个人信息中填写当前工作单位，请先在“工作经历”中添加当前单位"));
		perform(applicant, post("/apply/" + id + "/person-type").param("personType", "SOCIAL_RECRUIT"))
			.andExpect(redirectedUrl("/apply/" + id + "/profile"));
		assertThat(page(applicant, get("/apply/" + id + "/person-type"))).contains("checked=\"checked\"");

		assertThat(page(applicant, get("/apply/" + id + "/profile"))).contains("林报名", "福建医科大学", "/profile/contact")
			.doesNotContain("id=\"profile-missing\"");
		perform(applicant, post("/apply/" + id + "/profile")).andExpect(redirectedUrl("/apply/" + id + "/supplement"));
		assertThat(page(applicant, get("/apply/" + id + "/supplement"))).contains("没有需要补充填写的信息");

		long r01 = fixtures.specialty("R01");
		long base = fixtures.institution(ApplicationFixtures.BASE);
		long other = fixtures.institution(ApplicationFixtures.OTHER_BASE);
		perform(applicant, post("/apply/" + id + "/specialty").param("specialtyId", String.valueOf(r01)))
			.andExpect(redirectedUrl("/apply/" + id + "/choices"));
		String choices = page(applicant, get("/apply/" + id + "/choices"));
		assertThat(choices).contains("招收计划数", "已报名人数", "福建医科大学附属第一医院", "第2志愿", "是否接受调剂");
		perform(applicant, post("/apply/" + id + "/choices").param("choice", String.valueOf(base), String.valueOf(other))
			.param("acceptAdjustment", "true")).andExpect(redirectedUrl("/apply/" + id + "/review"));

		String review = page(applicant, get("/apply/" + id + "/review"));
		assertThat(review).contains("data-confirm=\"提交后不可修改", "福建医科大学附属第一医院", "面向社会招收住院医师");
		perform(applicant, post("/apply/" + id + "/submit")).andExpect(redirectedUrl("/applications/" + id))
			.andExpect(flash().attribute("flashSuccess", "报名已提交"));
		perform(applicant, post("/apply/" + id + "/submit"))
			.andExpect(flash().attribute("flashSuccess", "该报名已提交，无需重复提交"));
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isEqualTo(1);

		String statusPage = page(applicant, get("/applications/" + id));
		assertThat(statusPage).contains("已提交，等待审核", "开始填写报名", "提交报名", "id=\"application-cancel\"");
		assertThat(page(applicant, get("/applications"))).contains(name, "已提交，等待审核");
		// the wizard pages now lead to the status, and the profile is read-only
		perform(applicant, get("/apply/" + id + "/choices")).andExpect(redirectedUrl("/applications/" + id));
		assertThat(page(applicant, post("/profile/contact").param("email", "x@example.cn").param("address", "福州")
			.param("postalCode", "350001").param("emergencyName", "林").param("emergencyPhone", "13900000000")))
			.contains("id=\"profile-frozen\"");
		assertThat(jdbc.sql("SELECT email FROM applicant_profile WHERE account_id = :a")
			.param("a", applicant.id().value()).query(String.class).single()).isEqualTo("a@example.cn");

		// cancel and the place goes back
		perform(applicant, post("/applications/" + id + "/cancel")).andExpect(redirectedUrl("/applications/" + id))
			.andExpect(flash().attribute("flashSuccess", "报名已取消"));
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01")).isZero();
		assertThat(page(applicant, get("/applications/" + id))).contains("已取消", "取消报名", "id=\"application-restart\"");
	}

	@Test
	void anotherApplicantsApplicationIsNotFoundAndStaffAreForbidden() throws Exception {
		long batch = fixtures.openBatch("他人" + System.nanoTime(), clock.instant());
		TestApplicants.Registered owner = fixtures.completeApplicant("甲", false);
		TestApplicants.Registered stranger = testApplicants.register("乙");
		perform(owner, post("/apply/batches/" + batch)).andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM application WHERE account_id = :a").param("a", owner.id().value())
			.query(Long.class).single();
		perform(stranger, get("/applications/" + id)).andExpect(status().isNotFound());
		perform(stranger, get("/apply/" + id + "/choices")).andExpect(status().isNotFound());
		perform(stranger, post("/applications/" + id + "/cancel")).andExpect(status().isNotFound());
		perform(stranger, post("/apply/" + id + "/submit")).andExpect(status().isNotFound());
		for (String url : new String[] { "/apply", "/applications", "/applications/" + id }) {
			mvc.perform(get(url).with(user(users.loadUserByUsername("350122")))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/apply/batches/" + batch).with(user(users.loadUserByUsername(ApplicationFixtures.BASE)))
			.with(csrf())).andExpect(status().isForbidden());
	}

	private ResultActions perform(TestApplicants.Registered applicant, MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(user(applicant.principal())).with(csrf()));
	}

	private String page(TestApplicants.Registered applicant, MockHttpServletRequestBuilder request) throws Exception {
		return perform(applicant, request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
