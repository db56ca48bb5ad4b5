package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PlanBrowserTests extends BrowserTest {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBaseDeclaresAPlanAndTheProvinceApprovesItAndSeesTheCounts() {
		Integer max = jdbc.sql("SELECT MAX(cohort_year) FROM cohort WHERE program_code = 'residency'")
			.query(Integer.class).optional().orElse(null);
		int year = max == null ? 2000 : max + 1;

		login("350000", "Demo@2026");
		page.navigate(url("/programs/residency"));
		page.fill("#year", String.valueOf(year));
		page.click("#cohort-create");
		page.click("#batch-new-" + year);
		page.fill("#name", "计划申报批次");
		page.check("label:has-text('是') >> nth=0");
		page.locator("#batch-form input[name=baseCategories][value=AFFILIATED]").check();
		page.locator("#batch-form input[name=specialtyIds]").nth(0).check();
		page.locator("#batch-form input[name=specialtyIds]").nth(1).check();
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
		window("registration", now.plusDays(1), now.plusDays(5));
		window("stageWindows-0", now.plusDays(1).plusHours(1), now.plusDays(10));
		window("admission", now.plusDays(11), now.plusDays(15));
		window("confirmation", now.plusDays(16), now.plusDays(18));
		window("checkIn", now.plusDays(30), now.plusDays(35));
		page.click("#batch-save");
		assertThat(page.locator("#batch-links")).isVisible();
		long batch = jdbc.sql("SELECT b.id FROM batch b JOIN cohort c ON c.id = b.cohort_id "
				+ "WHERE c.program_code = 'residency' AND c.cohort_year = :y").param("y", year).query(Long.class).single();
		long base = jdbc.sql("SELECT id FROM institution WHERE code = '35000101'").query(Long.class).single();

		page.context().clearCookies();
		login("35000101", "Demo@2026");
		closeReturnedNotice();
		page.click("nav a[href='/plans']");
		page.click("#plan-batch-" + batch + " a");
		page.locator("#plan-form input[name^=places]").nth(0).fill("-1");
		page.locator("#plan-form input[name^=places]").nth(1).fill("3");
		page.click("#plan-submit");
		assertThat(page.locator("#plan-form .invalid-feedback").first()).hasText("请输入0–999之间的整数");
		page.locator("#plan-form input[name^=places]").nth(0).fill("8");
		page.click("#plan-submit");
		assertThat(page.locator("#plan-status")).containsText("已申报");
		page.setViewportSize(375, 812);
		page.reload();
		org.assertj.core.api.Assertions.assertThat(
				(Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		screenshot("plan-declare-phone");
		page.setViewportSize(1280, 900);

		page.context().clearCookies();
		java.util.List<String> scriptErrors = new java.util.ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				scriptErrors.add(message.text());
			}
		});
		page.onPageError(scriptErrors::add);
		login("350000", "Demo@2026");
		page.navigate(url("/programs/batches/" + batch));
		page.click("#batch-links a >> nth=0");
		assertThat(page.locator("#base-" + base)).containsText("福建医科大学附属第一医院");
		page.click("#base-" + base + " .plan-approve");
		assertThat(page.locator("#base-" + base + " .plan-status")).hasText("已通过");
		assertThat(page.locator("#plan-totals tbody tr").first()).containsText("8");
		assertThat(page.locator("#base-" + base + " tr.fw-semibold")).containsText("11");
		// the chart of applied and remaining places is drawn from its data attribute, without inline script
		assertThat(page.locator("#plan-chart svg")).hasCount(1);
		assertThat(page.locator("#plan-chart svg")).containsText("剩余名额");
		org.assertj.core.api.Assertions.assertThat(page.locator("#plan-chart svg path").count()).isGreaterThan(2);
		org.assertj.core.api.Assertions.assertThat(scriptErrors).isEmpty();
		screenshot("plan-review");
		page.setViewportSize(375, 812);
		// the chart follows the window when a phone turns, without a reload
		// (polled from here: waiting inside the page would need eval, which the content security policy forbids)
		double width = Double.MAX_VALUE;
		for (int i = 0; i < 50 && width > 375; i++) {
			page.waitForTimeout(100);
			width = ((Number) page.evaluate("document.querySelector('#plan-chart svg').getBoundingClientRect().width"))
				.doubleValue();
		}
		org.assertj.core.api.Assertions.assertThat(width).isLessThanOrEqualTo(375.0);
		page.reload();
		org.assertj.core.api.Assertions.assertThat(
				(Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		assertThat(page.locator("#plan-chart svg")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
				"document.querySelector('#plan-chart svg').getBoundingClientRect().width")).doubleValue())
			.isLessThanOrEqualTo(375.0);
		screenshot("plan-review-phone");

		page.context().clearCookies();
		login("35000101", "Demo@2026");
		page.navigate(url("/plans/batches/" + batch));
		assertThat(page.locator("#plan-status")).containsText("已通过");
		assertThat(page.locator("#plan-form")).hasCount(0);
		assertThat(page.locator("#plan-rows")).containsText("8");
	}

	private void window(String key, LocalDateTime start, LocalDateTime end) {
		page.fill("#" + key + "-start", INPUT.format(start));
		page.fill("#" + key + "-end", INPUT.format(end));
	}
}
