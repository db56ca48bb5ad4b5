package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.organization.InstitutionKind;
import cn.medrecruit.organization.InstitutionRegistry;
import cn.medrecruit.organization.NewInstitution;

class ReviewRouteBrowserTests extends BrowserTest {

	@Autowired
	InstitutionRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theProvinceSendsAUnitsRegistrationPointToTheCountyBureauAndSeesTheRouteChange() {
		String code = "B" + System.nanoTime();
		String name = "鼓楼区浏览器测试诊所" + code;
		long bureau = jdbc.sql("SELECT id FROM institution WHERE code = '350102'").query(Long.class).single();
		long unit = registry.addTrusted(new NewInstitution(code, name, InstitutionKind.UNIT, null, "350102", bureau,
				false, null, null)).institution().value();

		login("350000", "Demo@2026");
		closeReturnedNotice();
		page.click("#main-menu >> text=审核路由");
		page.fill("#filter-q", name);
		page.locator("#route-filter button[type=submit]").click();
		String cell = "#route-" + unit + " [data-level=REGISTRATION_POINT]";
		assertThat(page.locator(cell)).containsText("鼓楼区报名点");
		assertThat(page.locator(cell)).containsText("系统规则");

		page.locator("#route-" + unit + " >> text=设置").click();
		page.selectOption("#registrationPoint", String.valueOf(bureau));
		page.click("#save-route");

		assertThat(page.locator(".alert-success")).containsText(name);
		assertThat(page.locator(cell)).containsText("鼓楼区卫生健康局");
		assertThat(page.locator(cell)).containsText("单位设置");
		assertThat(page.locator("#route-" + unit + " [data-level=EXAM_SITE]")).containsText("福州考点");
	}
}
