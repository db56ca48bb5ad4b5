package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestData;
import cn.medrecruit.TestClock;
import cn.medrecruit.WebSession;

@IntegrationTest
class RegistrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void registersInThreeStepsAndLogsInWithTheIdNumber() throws Exception {
		String id = TestData.uniqueResidentId();
		String phone = TestData.uniquePhone();
		String login = "u" + System.nanoTime() % 100_000_000;
		WebSession session = new WebSession(mvc);

		identityStep(session, "王小明", id).andExpect(redirectedUrl("/register/account"));
		session.perform(get("/register/account"))
			.andExpect(content().string(Matchers.containsString("王小明")));
		sendCode(session, phone);
		String code = SmsOutboxReader.latestCode(jdbc, phone);
		accountStep(session, login, "Good#Pass1", phone, code).andExpect(redirectedUrl("/register/done"));

		record Stored(String idEnc, String idMasked, String phoneMasked, String name) {
		}
		Stored stored = jdbc.sql("SELECT id_number_enc, id_number_masked, phone_masked, real_name FROM account WHERE login_name = :l")
			.param("l", login)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(stored.idEnc()).doesNotContain(id.substring(6, 14));
		assertThat(stored.idMasked()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(stored.phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(stored.name()).isEqualTo("王小明");

		mvc.perform(post("/login").param("username", id).param("password", "Good#Pass1").with(csrf()))
			.andExpect(redirectedUrl("/"));
		assertThat(auditCount("APPLICANT_REGISTERED", login)).isEqualTo(1);
	}

	@Test
	void anIdNumberAlreadyRegisteredIsToldToUseForgotPassword() throws Exception {
		identityStep(new WebSession(mvc), "张三", "350102199503151230")
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("该证件号码已注册")))
			.andExpect(content().string(Matchers.containsString("忘记密码")));
	}

	@Test
	void rejectsABadCheckDigitAndAnImpossibleBirthDate() throws Exception {
		identityStep(new WebSession(mvc), "王小明", "350111199909090909")
			.andExpect(content().string(Matchers.containsString("校验位不正确")));
		identityStep(new WebSession(mvc), "王小明", "350111199902300903")
			.andExpect(content().string(Matchers.containsString("出生日期无效")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "😀😀", "<script>alert(1)</script>", "'; DROP TABLE account; --" })
	void badNamesGetAMessageAtTheFieldAndNoDraft(String name) throws Exception {
		WebSession session = new WebSession(mvc);
		identityStep(session, name, TestData.uniqueResidentId())
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("is-invalid")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)</script>"))));
		session.perform(get("/register/account")).andExpect(redirectedUrl("/register"));
	}

	@Test
	void aTenThousandCharacterNameIsRefused() throws Exception {
		identityStep(new WebSession(mvc), "王".repeat(10_000), TestData.uniqueResidentId())
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("内容过长")));
	}

	@Test
	void weakPasswordWrongOrExpiredCodeCreateNothing() throws Exception {
		String id = TestData.uniqueResidentId();
		String phone = TestData.uniquePhone();
		String login = "w" + System.nanoTime() % 100_000_000;
		WebSession session = new WebSession(mvc);
		identityStep(session, "赵六", id).andExpect(redirectedUrl("/register/account"));
		sendCode(session, phone);
		String code = SmsOutboxReader.latestCode(jdbc, phone);

		accountStep(session, login, "weakpass", phone, code)
			.andExpect(content().string(Matchers.containsString("密码须包含大写字母")));
		accountStep(session, login, ("W" + login + "#1"), phone, code)
			.andExpect(content().string(Matchers.containsString("密码不能包含用户名")));
		String wrong = code.equals("000000") ? "111111" : "000000";
		accountStep(session, login, "Good#Pass1", phone, wrong)
			.andExpect(content().string(Matchers.containsString("短信验证码错误或已过期")));
		clock.advance(Duration.ofMinutes(6));
		accountStep(session, login, "Good#Pass1", phone, code)
			.andExpect(content().string(Matchers.containsString("短信验证码错误或已过期")));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE login_name = :l").param("l", login).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theSecondStepNeedsTheFirst() throws Exception {
		new WebSession(mvc).perform(get("/register/account")).andExpect(redirectedUrl("/register"));
	}

	private org.springframework.test.web.servlet.ResultActions identityStep(WebSession session, String name,
			String id) throws Exception {
		return session.perform(post("/register").with(csrf())
			.param("realName", name)
			.param("idType", "RESIDENT_ID")
			.param("idNumber", id));
	}

	private void sendCode(WebSession session, String phone) throws Exception {
		session.perform(post("/sms/codes").with(csrf()).param("phone", phone).param("purpose", "REGISTER"))
			.andExpect(content().string(Matchers.containsString("验证码已发送")));
	}

	private org.springframework.test.web.servlet.ResultActions accountStep(WebSession session, String login,
			String password, String phone, String code) throws Exception {
		return session.perform(post("/register/account").with(csrf())
			.param("loginName", login)
			.param("password", password)
			.param("confirmPassword", password)
			.param("phone", phone)
			.param("smsCode", code));
	}

	private int auditCount(String action, String actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND actor = :actor")
			.param("a", action)
			.param("actor", actor)
			.query(Integer.class)
			.single();
	}
}
