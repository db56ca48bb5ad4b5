package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.medrecruit.TestData;

class InstitutionBrowserTests extends BrowserTest {

	@Test
	void aCountyAdministratorAddsAUnitAndDisablesIt() {
		String code = "T" + TestData.uniqueLoginName("lj");
		String name = "连江县琯头镇卫生院" + code;
		login("350122", "Demo@2026");
		closeReturnedNotice();
		page.click("#main-menu >> text=机构管理");
		page.click("#add-institution");

		page.fill("#code", code);
		page.fill("#name", name);
		page.selectOption("#regionCode", "350122");
		page.click("#institution-submit");
		assertThat(page.locator("#issued-login-name")).containsText(code);
		assertThat(page.locator("#issued-one-time-password")).not().isEmpty();

		page.navigate(url("/units?q=" + name));
		assertThat(page.locator("#unit-results")).containsText(name);

		page.navigate(url("/org/institutions"));
		page.fill("#filter-q", name);
		page.locator("#institution-filter button[type=submit]").click();
		assertThat(page.locator("#institution-table")).containsText(name);
		page.locator("#institution-table input[name=ids]").first().check();
		page.onceDialog(dialog -> dialog.accept());
		page.click("#disable-selected");
		assertThat(page.locator(".alert-success")).isVisible();
		assertThat(page.locator("#institution-table tr.table-secondary")).containsText(name);

		page.navigate(url("/units?q=" + name));
		assertThat(page.locator("#unit-results")).not().containsText(name);
	}

	@Test
	void unknownAndForbiddenPagesShowTheErrorPageInTheLayout() {
		login("zhangsan", "Demo@2026");
		page.navigate(url("/no-such-page"));
		assertThat(page.locator("#error-page")).containsText("页面不存在");
		assertThat(page.locator("#signed-in-person")).containsText("张三");
		page.navigate(url("/org/institutions"));
		assertThat(page.locator("#error-page")).containsText("无权访问");
		org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Exception");
	}
}
