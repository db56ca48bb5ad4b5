package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ProgramSetupBrowserTests extends BrowserTest {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	JdbcClient jdbc;

	@Test
	void provinceCreatesACohortAndABatchAndSeesItsStatus() {
		Integer max = jdbc.sql("SELECT MAX(cohort_year) FROM cohort WHERE program_code = 'tcm-residency'")
			.query(Integer.class).optional().orElse(null);
		int year = max == null ? 2000 : max + 1;

		login("350000", "Demo@2026");
		closeReturnedNotice();
		page.click("#home-programs");
		page.click("#program-tcm-residency a.btn-primary");
		page.fill("#year", String.valueOf(year));
		page.click("#cohort-create");
		assertThat(page.locator("#cohort-" + year)).containsText(year + "界");

		page.click("#batch-new-" + year);
		page.fill("#name", "中医第一批");
		page.selectOption("#choiceCount", "2");
		page.check("label:has-text('是') >> nth=0");
		page.locator("#batch-form input[name=baseCategories]").first().check();
		page.locator("#batch-form input[name=specialtyIds]").first().check();
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
		window("registration", now.minusDays(1), now.plusDays(5));
		window("stageWindows-0", now.minusDays(1).plusHours(1), now.plusDays(10));
		window("admission", now.plusDays(11), now.plusDays(15));
		window("confirmation", now.plusDays(16), now.plusDays(18));
		window("checkIn", now.plusDays(30), now.plusDays(35));
		// first an end before its start: refused beside the field
		page.fill("#checkIn-end", INPUT.format(now.plusDays(29)));
		page.click("#batch-save");
		assertThat(page.locator("#window-checkIn")).containsText("结束时间须晚于开始时间");
		page.fill("#checkIn-end", INPUT.format(now.plusDays(35)));
		page.click("#batch-save");
		assertThat(page.locator("#chain-table")).containsText("第一志愿基地");

		page.navigate(url("/programs/tcm-residency"));
		assertThat(page.locator("#cohort-" + year)).containsText("中医第一批");
		assertThat(page.locator("#cohort-" + year + " .batch-status")).hasText("报名中");
		screenshot("program-batches");

		page.setViewportSize(375, 812);
		page.reload();
		assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		screenshot("program-batches-phone");
	}

	private void window(String key, LocalDateTime start, LocalDateTime end) {
		page.fill("#" + key + "-start", INPUT.format(start));
		page.fill("#" + key + "-end", INPUT.format(end));
	}
}
