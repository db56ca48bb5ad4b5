package cn.medrecruit;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One visitor's session across MockMvc requests: sessions live in the database behind the {@code SESSION} cookie
 * (Spring Session), so a test carries that cookie as a browser would.
 */
public class WebSession {

	private final MockMvc mvc;
	private Cookie cookie;

	public WebSession(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (cookie != null) {
			request.cookie(cookie);
		}
		ResultActions result = mvc.perform(request);
		Cookie issued = result.andReturn().getResponse().getCookie("SESSION");
		if (issued != null) {
			cookie = issued.getMaxAge() == 0 ? null : issued;
		}
		return result;
	}

	public Cookie cookie() {
		return cookie;
	}
}
