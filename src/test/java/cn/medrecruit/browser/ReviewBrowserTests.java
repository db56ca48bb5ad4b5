package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.application.ApplicationView;
import cn.medrecruit.application.Applications;
import cn.medrecruit.review.ReviewFixtures;

/**
 * On a county-backbone chain (区县 → 地市 → 省): one application is approved by the county, the city and the province
 * (the last checking every image against the original); another is returned by the county, corrected by the applicant
 * and resubmitted. The applicants' 报名状态 shows all of it.
 */
@AutoConfigureMockMvc
class ReviewBrowserTests extends BrowserTest {

	private static final String DEMO_PASSWORD = "Demo@2026";

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

	@Test
	void threeLevelsApproveAndAReturnedApplicationComesBack() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, mvc, applicants, applications, users);
		long batch = fixtures.countyChainBatch("骨干审核" + System.nanoTime() % 100000, Instant.now());
		TestApplicants.Registered approvedApplicant = fixtures.applicant("林通过", ReviewFixtures.LIANJIANG_HOSPITAL);
		TestApplicants.Registered returnedApplicant = fixtures.applicant("陈退回", ReviewFixtures.LIANJIANG_HOSPITAL);
		ApplicationView approved = fixtures.submitted(approvedApplicant, batch);
		ApplicationView returned = fixtures.submitted(returnedApplicant, batch);
		page.onDialog(dialog -> dialog.accept());

		// 连江 county: both are in the inbox; one approved, the other returned with a reason
		login("350122", DEMO_PASSWORD);
		closeReturnedNotice();
		page.click("#main-menu >> text=资格审核");
		page.navigate(url("/review?batch=" + batch));
		assertThat(page.locator("#inbox-table")).containsText("林通过");
		assertThat(page.locator("#inbox-table")).containsText("陈退回");
		screenshot("review-inbox");
		page.click("#inbox-table tr:has-text('林通过') a");
		assertThat(page.locator("#request-stage")).containsText("连江县卫生健康局");
		assertThat(page.locator("#fields")).containsText("林通过");
		screenshot("review-detail");
		page.click("#approve");
		assertThat(page.locator(".alert-success")).containsText("已审核通过");
		assertThat(page.locator("#request-stage")).containsText("福州市卫生健康委员会");

		page.navigate(url("/review?batch=" + batch));
		page.click("#inbox-table tr:has-text('陈退回') a");
		page.click("#return");
		assertThat(page.locator(".alert-danger")).containsText("请填写原因");
		page.fill("#return-reason", "请更新联系邮箱");
		page.click("#return");
		assertThat(page.locator(".alert-success")).containsText("已退回考生修改");
		assertThat(page.locator("#request-state")).containsText("已退回修改");
		switchTo("350100");

		// 福州 city approves
		page.navigate(url("/review?batch=" + batch));
		page.click("#inbox-table tr:has-text('林通过') a");
		page.click("#approve");
		assertThat(page.locator(".alert-success")).containsText("已审核通过");
		switchTo("350000");

		// the province must check every image first
		page.navigate(url("/review?batch=" + batch));
		page.click("#inbox-table tr:has-text('林通过') a");
		page.click("#approve");
		assertThat(page.locator(".alert-danger")).containsText("请先逐一核对");
		int images = page.locator(".evidence").count();
		org.assertj.core.api.Assertions.assertThat(images).isEqualTo(2);
		for (int i = 0; i < images; i++) {
			page.locator(".evidence").nth(i).locator(".check-yes").click();
			assertThat(page.locator(".evidence").nth(i).locator(".check-state")).hasText("是");
		}
		screenshot("review-images-checked");
		page.click("#approve");
		assertThat(page.locator(".alert-success")).containsText("已审核通过");
		assertThat(page.locator("#request-state")).containsText("审核通过");
		switchTo(approvedApplicant.loginName(), TestApplicants.PASSWORD);

		// the approved applicant's timeline: three approvals, one per level
		page.navigate(url("/applications/" + approved.id()));
		assertThat(page.locator("#application-state")).containsText("审核通过");
		assertThat(page.locator("#review-timeline li")).hasCount(3);
		assertThat(page.locator("#review-timeline")).containsText("连江县卫生健康局");
		assertThat(page.locator("#review-timeline")).containsText("福州市卫生健康委员会");
		assertThat(page.locator("#review-timeline")).containsText("福建省卫生健康委员会");
		screenshot("review-applicant-approved");
		switchTo(returnedApplicant.loginName(), TestApplicants.PASSWORD);

		// the returned applicant reads the reason, corrects the profile and resubmits
		page.navigate(url("/applications/" + returned.id()));
		assertThat(page.locator("#application-state")).containsText("已退回修改");
		assertThat(page.locator("#review-timeline")).containsText("请更新联系邮箱");
		page.navigate(url("/profile/contact"));
		page.fill("#email", "new-mail@example.cn");
		page.click("#profile-save");
		page.navigate(url("/applications/" + returned.id()));
		page.click("#application-resubmit");
		assertThat(page.locator(".alert-success")).containsText("已重新提交");
		assertThat(page.locator("#application-state")).containsText("已提交，等待审核");
		assertThat(page.locator("#application-timeline")).containsText("重新提交");
		assertThat(page.locator("#review-timeline")).containsText("退回修改");
		screenshot("review-applicant-resubmitted");
		switchTo("350122");

		// back at the county's inbox, second submission, with the change shown
		page.navigate(url("/review?batch=" + batch));
		assertThat(page.locator("#inbox-table tr:has-text('陈退回')")).containsText("2");
		page.click("#inbox-table tr:has-text('陈退回') a");
		assertThat(page.locator("#changes")).containsText("new-mail@example.cn");
		assertThat(page.locator("#history")).containsText("重新提交");
		page.setViewportSize(375, 812);
		screenshot("review-detail-phone");
	}

	private void switchTo(String login) {
		switchTo(login, DEMO_PASSWORD);
	}

	private void switchTo(String login, String password) {
		page.context().clearCookies();
		login(login, password);
		closeReturnedNotice();
	}
}
