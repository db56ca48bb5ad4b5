package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;

import cn.medrecruit.TestData;
import cn.medrecruit.shared.Masking;

class ApplicantJourneyBrowserTests extends BrowserTest {

	@Test
	void registersInThreeStepsWithTheCodeFromTheOutboxThenLogsInAndOut() {
		String idNumber = TestData.uniqueResidentId();
		String phone = TestData.uniquePhone();
		String login = TestData.uniqueLoginName("web");

		page.navigate(url("/"));
		page.click("text=考生注册");
		page.fill("#realName", "周杰");
		page.selectOption("#idType", "RESIDENT_ID");
		page.fill("#idNumber", idNumber);
		page.click("#register-next");

		assertThat(page.locator(".alert-success")).containsText("周杰");
		page.fill("#loginName", login);
		page.fill("#password", "Web#Pass2026");
		page.fill("#confirmPassword", "Web#Pass2026");
		page.fill("#phone", phone);
		page.click("#send-sms");
		assertThat(page.locator("#sms-result")).containsText("验证码已发送");

		page.fill("#smsCode", codeFromOutbox(phone));
		page.click("#register-submit");
		assertThat(page.locator("#register-done")).containsText(login);

		page.click("#go-login");
		page.fill("#username", idNumber);
		page.fill("#password", "Web#Pass2026");
		page.click("#login-submit");
		assertThat(page.locator("#signed-in-person")).containsText("周杰");

		page.click("#logout");
		assertThat(page.locator(".alert-info")).containsText("已安全退出");
	}

	@Test
	void aWrongPasswordIsToldHowManyTriesRemain() {
		login("zhangsan", "Wrong#Pass1");
		assertThat(page.locator("#login-error")).containsText("再输错 4 次");
		login("zhangsan", "Demo@2026");
		assertThat(page.locator("#signed-in-person")).containsText("张三");
	}

	/** Reads the code as a tester does: on the outbox page, in a second tab. */
	private String codeFromOutbox(String phone) {
		Page outbox = page.context().newPage();
		outbox.navigate(url("/sms/outbox"));
		Locator row = outbox.locator("#sms-outbox tr", new Page.LocatorOptions().setHasText(Masking.maskPhone(phone))).first();
		Matcher code = Pattern.compile("(\\d{6})").matcher(row.textContent());
		if (!code.find()) {
			throw new AssertionError("no code for " + phone + " in the outbox");
		}
		outbox.close();
		return code.group(1);
	}
}
