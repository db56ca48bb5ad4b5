package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

class AdministrationBrowserTests extends BrowserTest {

	/** A cell no other test relies on, granted and then revoked again. */
	private static final String CELL = "[id='cell-AUDITOR:PROGRESS_TRACK']";

	@Test
	void theAdministratorChangesThePermissionMatrixAndFindsTheChangeInTheVerifiedAuditLog() {
		page.onDialog(dialog -> dialog.accept());
		login("admin", "Demo@2026");
		page.click("#main-menu >> text=角色权限");
		page.check(CELL);
		page.click("#save-permissions");
		assertThat(page.locator(".alert-success")).containsText("新增授权 1 项");
		assertThat(page.locator(CELL)).isChecked();

		page.uncheck(CELL);
		page.click("#save-permissions");
		assertThat(page.locator(".alert-success")).containsText("取消授权 1 项");
		assertThat(page.locator(CELL)).not().isChecked();

		page.click("#main-menu >> text=审计日志");
		assertThat(page.locator("#audit-table tr").nth(1)).containsText("取消权限");
		assertThat(page.locator("#audit-table tr").nth(1)).containsText("role:AUDITOR/permission:PROGRESS_TRACK");
		page.click("#verify-chain");
		assertThat(page.locator("#verify-result")).containsText("完整");
	}
}
