package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestData;
import cn.medrecruit.WebSession;

/** The captcha as production runs it (the rest of the suite switches it off). */
@SpringBootTest(properties = "medrecruit.captcha.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class CaptchaTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void loginNeedsTheCaptchaAndEachAnswerWorksOnce() throws Exception {
		WebSession browser = new WebSession(mvc);
		browser.perform(get("/login")).andExpect(content().string(Matchers.containsString("captcha-image")));
		String answer = newCaptcha(browser);
		login(browser, "WRONG").andExpect(redirectedUrl("/login?error"));
		browser.perform(get("/login")).andExpect(content().string(Matchers.containsString("图形验证码错误")));
		login(browser, answer).andExpect(redirectedUrl("/login?error"));

		String fresh = newCaptcha(browser);
		login(browser, fresh.toLowerCase()).andExpect(redirectedUrl("/"));
	}

	@Test
	void registrationAndSmsCodesNeedTheCaptcha() throws Exception {
		WebSession browser = new WebSession(mvc);
		newCaptcha(browser);
		browser.perform(post("/register").with(csrf()).param("realName", "王小明").param("idType", "RESIDENT_ID")
			.param("idNumber", TestData.uniqueResidentId()).param("captcha", "NOPE"))
			.andExpect(content().string(Matchers.containsString("图形验证码错误")));
		newCaptcha(browser);
		browser.perform(post("/sms/codes").with(csrf()).param("phone", TestData.uniquePhone()).param("purpose", "REGISTER")
			.param("captcha", "NOPE"))
			.andExpect(content().string(Matchers.containsString("图形验证码错误")));
	}

	private org.springframework.test.web.servlet.ResultActions login(WebSession browser, String captcha) throws Exception {
		return browser.perform(post("/login").with(csrf()).param("username", "lisi")
			.param("password", DemoAccounts.PASSWORD).param("captcha", captcha));
	}

	/** Asks for an image, then reads its text from the stored session, as only the server can. */
	private String newCaptcha(WebSession browser) throws Exception {
		browser.perform(get("/captcha"));
		String sessionId = new String(Base64.getDecoder().decode(browser.cookie().getValue()), StandardCharsets.UTF_8);
		Captchas.Issued issued = sessions.findById(sessionId).getAttribute(Captchas.SESSION_KEY);
		assertThat(issued).isNotNull();
		return issued.text();
	}
}
