package cn.medrecruit.organization;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestData;
import cn.medrecruit.WebSession;
import cn.medrecruit.identity.CurrentUser;

/** Disabling an institution signs its staff out everywhere, and they cannot sign in again. */
@IntegrationTest
class InstitutionSessionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InstitutionRegistry registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void disablingAnInstitutionEndsTheSessionsOfItsStaff() throws Exception {
		CurrentUser county = (CurrentUser) users.loadUserByUsername("350122");
		String code = "T" + TestData.uniqueLoginName("u");
		InstitutionRegistry.Added unit = registry.add(new NewInstitution(code, "连江县测试诊所" + code, InstitutionKind.UNIT,
				null, "350122", county.getInstitutionId(), false, null, null), county);

		WebSession staff = new WebSession(mvc);
		staff.perform(post("/login").with(csrf()).param("username", unit.administrator().loginName())
			.param("password", unit.administrator().oneTimePassword()))
			.andExpect(redirectedUrl("/account/password"));
		staff.perform(get("/account/password")).andExpect(content().string(Matchers.containsString("首次登录")));

		mvc.perform(post("/org/institutions/disable").param("ids", String.valueOf(unit.institution().value()))
			.with(user(county)).with(csrf()));

		staff.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
		staff.perform(post("/login").with(csrf()).param("username", unit.administrator().loginName())
			.param("password", unit.administrator().oneTimePassword()))
			.andExpect(redirectedUrl("/login?error"));
		staff.perform(get("/login")).andExpect(content().string(Matchers.containsString("已被禁用")));
	}
}
