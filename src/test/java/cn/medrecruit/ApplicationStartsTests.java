package cn.medrecruit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ApplicationStartsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void homePageRendersInChineseForVisitors() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("医学人才招录与资格审核平台")));
	}

	@Test
	void healthIsUp() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("UP")));
	}

	@Test
	void unknownPageAnswers404InTheLayoutWithoutStackTrace() throws Exception {
		mvc.perform(get("/no-such-page").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user("x"))).andExpect(status().isNotFound());
	}
}
