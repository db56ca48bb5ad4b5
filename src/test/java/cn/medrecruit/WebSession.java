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
		for (String header : result.andReturn().getResponse().getHeaders("Set-Cookie")) {
			if (header.startsWith("SESSION=")) {
				String value = header.substring("SESSION=".length(), header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
				cookie = value.isEmpty() || header.contains("Max-Age=0") ? null : new Cookie("SESSION", value);
			}
		}
		return result;
	}

	public Cookie cookie() {
		return cookie;
	}
}
