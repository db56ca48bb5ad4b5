package cn.medrecruit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;

/** 修改 on the wizard's confirm step opens a profile section that comes back there, and nowhere else. */
@IntegrationTest
class ReturnPathTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants applicants;

	/** One applicant for every case: registering is slow and the cases only save the same contact data. */
	private static TestApplicants.Registered applicant;

	private TestApplicants.Registered applicant() {
		synchronized (ReturnPathTests.class) {
			if (applicant == null) {
				applicant = applicants.register("钱返回");
			}
			return applicant;
		}
	}

	@Test
	void savingASectionComesBackToTheWizardStep() throws Exception {
		TestApplicants.Registered applicant = applicant();
		String page = mvc.perform(as(applicant, get("/profile/contact").param("return", "/apply/42/profile")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"profile-return\"", "href=\"/apply/42/profile\"",
				"name=\"return\" value=\"/apply/42/profile\"");

		mvc.perform(as(applicant, contact().param("return", "/apply/42/profile"))).andExpect(redirectedUrl("/apply/42/profile"));
		mvc.perform(as(applicant, post("/profile/work/has-unit").param("hasWorkUnit", "false")
			.param("return", "/apply/42/profile"))).andExpect(redirectedUrl("/profile/work?return=/apply/42/profile"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/apply/42/profile", "//evil.example/apply/42/profile",
			"/apply/42/profile/../../logout", "/apply/42/profile?next=https://evil.example", "/admin", "javascript:alert(1)" })
	void aForeignOrOtherReturnPathIsRefused(String target) throws Exception {
		TestApplicants.Registered applicant = applicant();
		mvc.perform(as(applicant, contact().param("return", target))).andExpect(redirectedUrl("/profile"));
		mvc.perform(as(applicant, post("/profile/work/has-unit").param("hasWorkUnit", "false").param("return", target)))
			.andExpect(redirectedUrl("/profile/work"));
		String page = mvc.perform(as(applicant, get("/profile/basic").param("return", target)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("profile-return").doesNotContain("evil.example");
	}

	private static MockHttpServletRequestBuilder contact() {
		return post("/profile/contact").param("email", "a@example.cn").param("address", "福建省福州市鼓楼区八一七北路")
			.param("postalCode", "350001").param("emergencyName", "孙强").param("emergencyPhone", "13900000000");
	}

	private static MockHttpServletRequestBuilder as(TestApplicants.Registered applicant,
			MockHttpServletRequestBuilder request) {
		return request.with(user(applicant.principal())).with(csrf());
	}
}
