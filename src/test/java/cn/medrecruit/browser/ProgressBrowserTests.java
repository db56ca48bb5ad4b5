package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.application.Applications;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.ReviewFixtures;
import cn.medrecruit.review.ReviewRequest;
import cn.medrecruit.review.Reviews;

/** 进度跟踪 of a city: the funnel and the bars are drawn on a desktop and at a phone's width, with the table below. */
@AutoConfigureMockMvc
class ProgressBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants applicants;

	@Autowired
	Applications applications;

	@Autowired
	UserDetailsService users;

	@Autowired
	Reviews reviews;

	@Test
	void aCitySeesTheChartsOfItsCountiesOnADesktopAndAPhone() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, mvc, applicants, applications, users);
		long batch = fixtures.countyChainBatch("进度图" + System.nanoTime() % 100000, Instant.now());
		long first = fixtures.submitted(fixtures.applicant("图表甲", ReviewFixtures.LIANJIANG_HOSPITAL), batch).id();
		fixtures.submitted(fixtures.applicant("图表乙", ReviewFixtures.LIANJIANG_HOSPITAL), batch);
		fixtures.submitted(fixtures.applicant("图表丙", "35010001"), batch);
		CurrentUser county = fixtures.reviewer("350122");
		ReviewRequest request = reviews.find(RequestKind.APPLICATION, first).orElseThrow();
		reviews.approve(county, request.id(), request.version(), null);

		login("350100", "Demo@2026");
		page.navigate(url("/review"));
		List<String> scriptErrors = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				scriptErrors.add(message.text());
			}
		});
		page.onPageError(scriptErrors::add);
		page.click("#progress-tab");
		page.selectOption("#batch", String.valueOf(batch));
		page.click("#progress-filter button[type=submit]");
		assertThat(page.locator("#progress-funnel svg")).hasCount(1);
		assertThat(page.locator("#progress-bars svg")).hasCount(1);
		assertThat(page.locator("#progress-funnel svg")).containsText("已提交");
		assertThat(page.locator("#progress-bars svg")).containsText("连江县卫生健康局");
		assertThat(page.locator("#progress-regions")).containsText("连江县卫生健康局");
		assertThat(page.locator("#region-all")).containsText("3");
		org.assertj.core.api.Assertions.assertThat(scriptErrors).isEmpty();
		screenshot("progress");

		page.setViewportSize(375, 812);
		page.reload();
		assertThat(page.locator("#progress-funnel svg")).hasCount(1);
		assertThat(page.locator("#progress-bars svg")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(
				(Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
				"document.querySelector('#progress-bars svg').getBoundingClientRect().width")).doubleValue())
			.isLessThanOrEqualTo(375.0);
		assertThat(page.locator("#progress-stages")).containsText("地市卫生健康部门");
		screenshot("progress-phone");
	}
}
