package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.MedRecruitApplication;

/** Sessions live in the database: a signed-in person stays signed in when the application restarts. */
class SessionPersistenceTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void aSignedInPersonStaysSignedInAcrossARestart() throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			String base = baseUrl(first);
			String loginPage = get(base + "/login").body();
			Matcher csrf = CSRF.matcher(loginPage);
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form("username", "lisi", "password", DemoAccounts.PASSWORD,
						"_csrf", csrf.group(1))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
			assertThat(get(base + "/").body()).contains("李思").contains("id=\"logout\"");
			assertThat(first.getBean(JdbcClient.class)
				.sql("SELECT MAX(max_inactive_interval) FROM spring_session WHERE principal_name = 'lisi'")
				.query(Integer.class)
				.single()).as("idle timeout in seconds").isEqualTo(30 * 60);
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(get(baseUrl(second) + "/").body()).contains("李思").contains("id=\"logout\"");
		}
	}

	private HttpResponse<String> get(String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MedRecruitApplication.class).profiles("test", "demo")
			.run("--server.port=0");
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static String form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}
}
