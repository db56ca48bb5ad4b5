package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.TestData;

class StaffAccountBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theProvinceCreatesAReviewerAccountWhoseOneTimePasswordMustBeChanged() {
		String login = TestData.uniqueLoginName("rev");
		long hospital = jdbc.sql("SELECT id FROM institution WHERE code = '35012205'").query(Long.class).single();
		login("350000", "Demo@2026");
		page.click("#main-menu >> text=账号管理");
		page.navigate(url("/admin/accounts/new"));
		page.fill("#loginName", login);
		page.fill("#displayName", "审核员甲");
		page.selectOption("#institutionId", String.valueOf(hospital));
		page.check("input[name=roles][value=UNIT]");
		page.click("#create-account");
		assertThat(page.locator("#issued-login-name")).hasText(login);
		String oneTimePassword = page.locator("#one-time-password").textContent().strip();

		page.click("#logout");
		login(login, oneTimePassword);
		assertThat(page.locator("#pending-step")).containsText("首次登录");
	}
}
