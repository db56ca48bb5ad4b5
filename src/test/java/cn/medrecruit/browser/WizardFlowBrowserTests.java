package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.PdfText;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.application.ApplicationFixtures;

/**
 * Issue 4 end to end: the province sets up a batch with its windows, person-type rules and supplementary fields, a
 * base declares its plan and the province approves it; an applicant walks the five steps, submits, follows the
 * timeline, prints the form and can no longer change anything.
 */
@AutoConfigureMockMvc
class WizardFlowBrowserTests extends BrowserTest {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants applicants;

	/** One applicant for both tests: preparing a complete profile is the slowest part. */
	private TestApplicants.Registered applicant;

	private TestApplicants.Registered applicant(ApplicationFixtures fixtures) throws Exception {
		if (applicant == null) {
			applicant = fixtures.completeApplicant("林流程", false);
		}
		return applicant;
	}

	@Test
	void fromBatchSetupToThePrintedForm() throws Exception {
		ApplicationFixtures fixtures = new ApplicationFixtures(jdbc, mvc, applicants);
		TestApplicants.Registered applicant = applicant(fixtures);
		Integer max = jdbc.sql("SELECT MAX(cohort_year) FROM cohort WHERE program_code = 'residency'")
			.query(Integer.class).optional().orElse(null);
		int year = max == null ? 2000 : max + 1;

		// the province: cohort, batch with windows open now, 面向社会 only for 2019 graduates, both 004 fields
		login("350000", "Demo@2026");
		page.navigate(url("/programs/residency"));
		page.fill("#year", String.valueOf(year));
		page.click("#cohort-create");
		page.click("#batch-new-" + year);
		page.fill("#name", "全流程批次");
		page.check("label:has-text('是') >> nth=0");
		page.locator("#batch-form input[name=baseCategories][value=AFFILIATED]").check();
		page.locator("#batch-form input[name=specialtyIds]").nth(0).check();
		assertThat(page.locator("#field-source-type .field-required")).isChecked();
		page.fill("#rules1\\.graduationWithin", "");
		page.fill("#rules1\\.graduationYears", "2019");
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
		window("registration", now.minusHours(1), now.plusDays(5));
		window("stageWindows-0", now.minusHours(1), now.plusDays(10));
		window("admission", now.plusDays(11), now.plusDays(15));
		window("confirmation", now.plusDays(16), now.plusDays(18));
		window("checkIn", now.plusDays(30), now.plusDays(35));
		page.click("#batch-save");
		assertThat(page.locator("#batch-links")).isVisible();
		long batch = jdbc.sql("SELECT b.id FROM batch b JOIN cohort c ON c.id = b.cohort_id "
				+ "WHERE c.program_code = 'residency' AND c.cohort_year = :y").param("y", year).query(Long.class).single();
		long base = fixtures.institution(ApplicationFixtures.BASE);

		// the base declares 8 places, the province approves
		page.context().clearCookies();
		login(ApplicationFixtures.BASE, "Demo@2026");
		page.navigate(url("/plans/batches/" + batch));
		page.locator("#plan-form input[name^=places]").first().fill("8");
		page.click("#plan-submit");
		assertThat(page.locator("#plan-status")).containsText("已申报");
		page.context().clearCookies();
		login("350000", "Demo@2026");
		page.navigate(url("/programs/batches/" + batch + "/plans"));
		page.click("#base-" + base + " .plan-approve");
		assertThat(page.locator("#base-" + base + " .plan-status")).hasText("已通过");

		// the applicant: step 1 says which person types are open to them and why not
		page.context().clearCookies();
		login(applicant.loginName(), TestApplicants.PASSWORD);
		page.navigate(url("/apply"));
		assertThat(page.locator("#batch-" + batch + " .eligibility")).containsText("须在个人信息中填写当前工作单位");
		assertThat(page.locator("#batch-" + batch + " .eligibility")).containsText("可以报名");
		page.click("#start-" + batch);

		// 2
		assertThat(page.locator("#person-type-form")).containsText("仅限2019年毕业的人员报名");
		page.check("#type-SOCIAL_RECRUIT");
		page.click("#wizard-next");

		// 3: 修改 opens the section and saving comes back here
		page.click("#edit-contact");
		assertThat(page.locator("#profile-return")).isVisible();
		page.fill("#address", "福建省福州市鼓楼区湖东路");
		page.click("#profile-save");
		assertThat(page).hasURL(Pattern.compile(".*/apply/\\d+/profile$"));
		assertThat(page.locator(".alert-success")).isVisible();
		page.click("#wizard-next");

		// 4: required fields named beside themselves, then filled
		page.click("#wizard-next");
		assertThat(page.locator("#field-source-type + .invalid-feedback")).hasText("此项为必填项");
		page.selectOption("#field-source-type", "FRESH_GRADUATE");
		page.selectOption("#field-training-years", "3");
		screenshot("wizard-supplement");
		page.click("#wizard-next");

		// 5, and back to 4 and forward again keeps what was entered
		page.selectOption("#specialtyId", String.valueOf(fixtures.specialty("R01")));
		page.click("#specialty-choose");
		assertThat(page.locator("#plan-lines")).containsText("8");
		page.click("#choices-form >> text=上一步");
		assertThat(page.locator("#field-source-type")).hasValue("FRESH_GRADUATE");
		page.click("#wizard-next");
		page.selectOption("#choice-1", String.valueOf(base));
		page.check("#adjust-yes");
		page.click("#wizard-next");

		assertThat(page.locator("#summary-source-type")).hasText("应届毕业生");
		assertThat(page.locator("#summary-training-years")).hasText("三年");
		page.onceDialog(dialog -> {
			org.assertj.core.api.Assertions.assertThat(dialog.message()).contains("提交后不可修改");
			dialog.accept();
		});
		page.click("#application-submit");
		assertThat(page.locator("#application-state")).containsText("已提交，等待审核");
		assertThat(page.locator("#application-timeline")).containsText("提交报名");
		assertThat(page.locator("#summary-source-type")).hasText("应届毕业生");
		String status = page.url();
		long application = Long.parseLong(status.substring(status.lastIndexOf('/') + 1));

		Download download = page.waitForDownload(() -> page.click("#application-print"));
		String text = PdfText.of(Files.readAllBytes(download.path()));
		org.assertj.core.api.Assertions.assertThat(text).contains("林流程", "全流程批次", "生源类型", "应届毕业生", "培训年限");

		// no step can be opened again, the profile is frozen
		page.navigate(url("/apply/" + application + "/supplement"));
		assertThat(page).hasURL(Pattern.compile(".*/applications/" + application + "$"));
		page.navigate(url("/profile/contact"));
		assertThat(page.locator("#profile-save")).isDisabled();
	}

	@Test
	void theExamPathOffersOnlyTheChildrenOfWhatWasChosenWithoutReloading() throws Exception {
		ApplicationFixtures fixtures = new ApplicationFixtures(jdbc, mvc, applicants);
		long batch = fixtures.openBatch("路径批次" + System.nanoTime() % 100000, Instant.now());
		for (String key : new String[] { "exam-level", "exam-qualification", "exam-category" }) {
			jdbc.sql("INSERT INTO batch_field (batch_id, field_key, required) VALUES (:b, :k, TRUE)")
				.param("b", batch).param("k", key).update();
		}
		TestApplicants.Registered applicant = applicant(fixtures);
		login(applicant.loginName(), TestApplicants.PASSWORD);
		page.navigate(url("/apply"));
		page.click("#start-" + batch);
		page.check("#type-SOCIAL_RECRUIT");
		page.click("#wizard-next");
		page.click("#wizard-next");

		// the selects answer only once htmx has set up the page, which happens on load
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.evaluate("window.notReloaded = true");
		assertThat(page.locator("#field-exam-qualification option")).hasCount(1);
		page.selectOption("#field-exam-level", new com.microsoft.playwright.options.SelectOption().setLabel("中级"));
		assertThat(page.locator("#field-exam-qualification option")).hasCount(2);
		assertThat(page.locator("#field-exam-qualification")).containsText("主治医师");
		page.selectOption("#field-exam-qualification", new com.microsoft.playwright.options.SelectOption().setLabel("主治医师"));
		assertThat(page.locator("#field-exam-category option")).hasCount(2);
		page.selectOption("#field-exam-level", new com.microsoft.playwright.options.SelectOption().setLabel("副高级"));
		assertThat(page.locator("#field-exam-qualification")).containsText("副主任医师");
		assertThat(page.locator("#field-exam-category option")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("window.notReloaded === true")).isTrue();
	}

	private void window(String key, LocalDateTime start, LocalDateTime end) {
		page.fill("#" + key + "-start", INPUT.format(start));
		page.fill("#" + key + "-end", INPUT.format(end));
	}
}
