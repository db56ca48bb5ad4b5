package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.application.ApplicationFixtures;

/** An applicant with a complete profile walks the five steps, submits, sees the timeline and cannot edit after. */
@AutoConfigureMockMvc
class ApplicationBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants applicants;

	@Test
	void anApplicantWalksTheWizardAndSubmits() throws Exception {
		ApplicationFixtures fixtures = new ApplicationFixtures(jdbc, mvc, applicants);
		String name = "浏览器批次" + System.nanoTime() % 100000;
		long batch = fixtures.openBatch(name, Instant.now());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 8);
		fixtures.approvedPlan(batch, ApplicationFixtures.OTHER_BASE, "R01", 4);
		TestApplicants.Registered applicant = fixtures.completeApplicant("许报名", false);

		login(applicant.loginName(), TestApplicants.PASSWORD);
		page.click("#main-menu >> text=我要报名");
		assertThat(page.locator("#batch-" + batch)).containsText(name);
		page.click("#start-" + batch);

		// 2: person type
		assertThat(page.locator(".steps li.active")).containsText("人员类型");
		page.check("#type-OWN_RESIDENT");
		page.click("#wizard-next");
		assertThat(page.locator(".alert-danger")).containsText("须在个人信息中填写当前工作单位");
		page.check("#type-SOCIAL_RECRUIT");
		page.click("#wizard-next");

		// 3: confirm profile, back and forward keep the answer
		assertThat(page.locator("#profile-summary")).containsText("许报名");
		page.click("text=上一步");
		assertThat(page.locator("#type-SOCIAL_RECRUIT")).isChecked();
		page.click("#wizard-next");
		page.click("#wizard-next");

		// 4: supplementary information
		assertThat(page.locator("#supplement-none")).isVisible();
		page.click("#wizard-next");

		// 5: choices
		page.selectOption("#specialtyId", String.valueOf(fixtures.specialty("R01")));
		page.click("#specialty-choose");
		assertThat(page.locator("#plan-lines")).containsText("福建医科大学附属第一医院");
		page.selectOption("#choice-1", String.valueOf(fixtures.institution(ApplicationFixtures.BASE)));
		page.selectOption("#choice-2", String.valueOf(fixtures.institution(ApplicationFixtures.OTHER_BASE)));
		page.check("#adjust-yes");
		page.setViewportSize(375, 812);
		org.assertj.core.api.Assertions.assertThat(
				(Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		screenshot("application-choices-phone");
		page.setViewportSize(1280, 900);
		page.click("#wizard-next");

		// 确认并返回: the whole application, then 提交 with its confirmation
		assertThat(page.locator("#summary-choice-1")).hasText("福建医科大学附属第一医院");
		page.onceDialog(dialog -> {
			org.assertj.core.api.Assertions.assertThat(dialog.message()).contains("提交后不可修改");
			dialog.accept();
		});
		page.click("#application-submit");
		assertThat(page.locator(".alert-success")).containsText("报名已提交");
		assertThat(page.locator("#application-state")).containsText("已提交，等待审核");
		assertThat(page.locator("#application-timeline li")).hasCount(2);
		assertThat(page.locator("#application-timeline")).containsText("提交报名");
		screenshot("application-status");
		org.assertj.core.api.Assertions.assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, "R01"))
			.isEqualTo(1);

		// the profile is read-only now
		page.navigate(url("/profile/contact"));
		assertThat(page.locator("#profile-frozen")).isVisible();
		assertThat(page.locator("#profile-save")).isDisabled();
	}
}
