package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Download;

import cn.medrecruit.TestData;
import cn.medrecruit.reporting.XlsxSheet;

class StaffAccountBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theProvinceCreatesAReviewerAccountWhoseOneTimePasswordMustBeChanged() {
		String login = TestData.uniqueLoginName("rev");
		long hospital = jdbc.sql("SELECT id FROM institution WHERE code = '35012205'").query(Long.class).single();
		login("350000", "Demo@2026");
		closeReturnedNotice();
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

	@Test
	void theCountyFiltersTheListAndDownloadsExactlyThoseAccounts() throws Exception {
		login("350122", "Demo@2026");
		page.navigate(url("/admin/accounts"));
		page.fill("#q", "35012205");
		page.click("#account-filter button[type=submit]");
		assertThat(page.locator("#account-table tbody tr")).hasCount(1);

		// the browser takes the Chinese file name from filename*, and the file holds the one account on screen
		Download download = page.waitForDownload(() -> page.click("#export-accounts"));
		Assertions.assertThat(download.suggestedFilename()).matches("账号管理-\\d{8}-\\d{4}\\.xlsx");
		XlsxSheet sheet = XlsxSheet.read(Files.readAllBytes(download.path()));
		Assertions.assertThat(sheet.column("登录名")).containsExactly("35012205");
		Assertions.assertThat(sheet.column("手机")).containsExactly("139****0000");
	}
}
