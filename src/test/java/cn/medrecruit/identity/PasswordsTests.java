package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestData;
import cn.medrecruit.TestClock;
import cn.medrecruit.WebSession;

@IntegrationTest
class PasswordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	StaffAccounts staffAccounts;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void staffFirstLoginMustChangeThePasswordThenCompleteTheProfile() throws Exception {
		IssuedPassword issued = newStaffAccount();
		WebSession browser = new WebSession(mvc);
		login(browser, issued.loginName(), issued.oneTimePassword()).andExpect(redirectedUrl("/account/password"));
		browser.perform(get("/org/institutions")).andExpect(redirectedUrl("/account/password"));
		browser.perform(get("/account/password")).andExpect(content().string(Matchers.containsString("首次登录")));

		changePassword(browser, issued.oneTimePassword(), "New#Pass2026").andExpect(redirectedUrl("/account/profile"));
		browser.perform(get("/")).andExpect(redirectedUrl("/account/profile"));
		browser.perform(post("/account/profile").with(csrf())
			.param("realName", "林宁").param("post", "科长").param("department", "人事科").param("phone", "13912345678"))
			.andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(content().string(Matchers.containsString("林宁")));
		assertThat(jdbc.sql("SELECT phone_masked FROM account WHERE login_name = :l").param("l", issued.loginName())
			.query(String.class).single()).isEqualTo("139****5678");
	}

	@Test
	void theProfileRejectsBadInputBesideTheField() throws Exception {
		IssuedPassword issued = newStaffAccount();
		WebSession browser = new WebSession(mvc);
		login(browser, issued.loginName(), issued.oneTimePassword());
		changePassword(browser, issued.oneTimePassword(), "New#Pass2026");
		browser.perform(post("/account/profile").with(csrf())
			.param("realName", "<b>x</b>").param("post", "科长").param("department", "人事科").param("phone", "123"))
			.andExpect(content().string(Matchers.containsString("请输入11位手机号码")))
			.andExpect(content().string(Matchers.containsString("请输入与证件一致的姓名")));
		browser.perform(get("/")).andExpect(redirectedUrl("/account/profile"));
	}

	@Test
	void aNewPasswordMayNotRepeatOneOfTheLastFive() throws Exception {
		IssuedPassword issued = newStaffAccount();
		WebSession browser = new WebSession(mvc);
		login(browser, issued.loginName(), issued.oneTimePassword());
		changePassword(browser, issued.oneTimePassword(), "Round#0Pass");
		browser.perform(post("/account/profile").with(csrf())
			.param("realName", "林宁").param("post", "科长").param("department", "人事科").param("phone", "13912345678"));
		String current = "Round#0Pass";
		for (int i = 1; i <= 5; i++) {
			String next = "Round#" + i + "Pass";
			changePassword(browser, current, next);
			current = next;
		}
		changePassword(browser, current, "Round#2Pass")
			.andExpect(content().string(Matchers.containsString("不能与最近 5 次使用过的密码相同")));
		changePassword(browser, "Wrong#Pass1", "Other#Pass9")
			.andExpect(content().string(Matchers.containsString("原密码不正确")));
		changePassword(browser, current, "Round#0Pass").andExpect(redirectedUrl("/"));
	}

	@Test
	void staffPasswordsExpireAfterNinetyDays() throws Exception {
		WebSession browser = new WebSession(mvc);
		clock.advance(Duration.ofDays(91));
		login(browser, "350100", DemoAccounts.PASSWORD).andExpect(redirectedUrl("/account/password"));
		browser.perform(get("/account/password")).andExpect(content().string(Matchers.containsString("超过有效期")));
		WebSession applicant = new WebSession(mvc);
		login(applicant, "lisi", DemoAccounts.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void aForgottenPasswordIsRecoveredWithIdNumberPhoneAndSmsCode() throws Exception {
		String id = TestData.uniqueResidentId();
		String phone = TestData.uniquePhone();
		String login = registeredApplicant(id, phone);
		WebSession browser = new WebSession(mvc);
		clock.advance(Duration.ofSeconds(61));

		browser.perform(post("/sms/codes").with(csrf()).param("purpose", "RESET_PASSWORD").param("idNumber", id)
			.param("phone", "13800009999"))
			.andExpect(content().string(Matchers.containsString("不匹配")));
		browser.perform(post("/sms/codes").with(csrf()).param("purpose", "RESET_PASSWORD").param("idNumber", id)
			.param("phone", phone))
			.andExpect(content().string(Matchers.containsString("验证码已发送")));
		String code = SmsOutboxReader.latestCode(jdbc, phone);
		browser.perform(post("/password/forgot").with(csrf()).param("idNumber", id).param("phone", phone)
			.param("smsCode", code).param("newPassword", "Fresh#Pass7").param("confirmPassword", "Fresh#Pass7"))
			.andExpect(redirectedUrl("/login"));

		login(new WebSession(mvc), login, "First#Pass1").andExpect(redirectedUrl("/login?error"));
		login(new WebSession(mvc), login, "Fresh#Pass7").andExpect(redirectedUrl("/"));
		browser.perform(post("/password/forgot").with(csrf()).param("idNumber", id).param("phone", phone)
			.param("smsCode", code).param("newPassword", "Again#Pass8").param("confirmPassword", "Again#Pass8"))
			.andExpect(content().string(Matchers.containsString("短信验证码错误或已过期")));
	}

	private String registeredApplicant(String id, String phone) throws Exception {
		WebSession session = new WebSession(mvc);
		String login = "p" + System.nanoTime() % 100_000_000;
		session.perform(post("/register").with(csrf()).param("realName", "陈一").param("idType", "RESIDENT_ID")
			.param("idNumber", id));
		session.perform(post("/sms/codes").with(csrf()).param("phone", phone).param("purpose", "REGISTER"));
		session.perform(post("/register/account").with(csrf()).param("loginName", login)
			.param("password", "First#Pass1").param("confirmPassword", "First#Pass1").param("phone", phone)
			.param("smsCode", SmsOutboxReader.latestCode(jdbc, phone)))
			.andExpect(redirectedUrl("/register/done"));
		return login;
	}

	private IssuedPassword newStaffAccount() {
		long institution = jdbc.sql("SELECT id FROM institution WHERE code = '35012205'").query(Long.class).single();
		return staffAccounts.createForInstitution(new NewStaffAccount("s" + System.nanoTime() % 100_000_000, null,
				institution, Set.of(Role.UNIT)));
	}

	private ResultActions login(WebSession browser, String user, String password) throws Exception {
		return browser.perform(post("/login").with(csrf()).param("username", user).param("password", password));
	}

	private ResultActions changePassword(WebSession browser, String old, String next) throws Exception {
		return browser.perform(post("/account/password").with(csrf()).param("oldPassword", old)
			.param("newPassword", next).param("confirmPassword", next));
	}
}
