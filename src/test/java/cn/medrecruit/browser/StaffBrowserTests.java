package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.TestData;
import cn.medrecruit.identity.IssuedPassword;
import cn.medrecruit.identity.NewStaffAccount;
import cn.medrecruit.identity.Role;
import cn.medrecruit.identity.StaffAccounts;

class StaffBrowserTests extends BrowserTest {

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void firstLoginForcesAPasswordChangeAndTheProfile() {
		long hospital = jdbc.sql("SELECT id FROM institution WHERE code = '35012205'").query(Long.class).single();
		IssuedPassword issued = staffAccounts.createForInstitution(
				new NewStaffAccount(TestData.uniqueLoginName("rv"), null, hospital, Set.of(Role.UNIT)));

		login(issued.loginName(), issued.oneTimePassword());
		assertThat(page.locator("#pending-step")).containsText("首次登录");
		page.fill("#oldPassword", issued.oneTimePassword());
		page.fill("#newPassword", "Staff#Pass2026");
		page.fill("#confirmPassword", "Staff#Pass2026");
		page.click("#change-password-submit");

		assertThat(page.locator("#profile-required")).isVisible();
		page.fill("#realName", "王广军");
		page.fill("#post", "科员");
		page.fill("#department", "医务科");
		page.fill("#phone", "13905910000");
		page.click("#staff-profile-submit");
		assertThat(page.locator("#signed-in-person")).containsText("王广军");
		assertThat(page.locator("#signed-in-person")).containsText("连江县医院");
	}

	@Test
	void theHomePageFitsADesktopAndAPhone() {
		page.navigate(url("/"));
		screenshot("home-desktop");
		page.setViewportSize(375, 812);
		page.navigate(url("/"));
		screenshot("home-phone");
		assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		login("350122", "Demo@2026");
		page.navigate(url("/"));
		assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		screenshot("home-phone-signed-in");
	}
}
