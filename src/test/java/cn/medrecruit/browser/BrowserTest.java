package cn.medrecruit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestClockConfiguration;

/**
 * Drives Debian's Chromium through Playwright against the application on a random port. Without Chromium the tests
 * are skipped with a loud notice, unless {@code -Dmedrecruit.browser=required} (as in CI), which fails them instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@Import({ TestClockConfiguration.class, TestApplicants.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");
	private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--headless", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--disable-quic");

	@LocalServerPort
	int port;

	private Playwright playwright;
	private Browser browser;
	private BrowserContext context;
	protected Page page;

	@BeforeAll
	void launchBrowser() {
		Path chromium = Paths.get(System.getProperty("medrecruit.chromium", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			if ("required".equals(System.getProperty("medrecruit.browser"))) {
				throw new IllegalStateException("Chromium not found at " + chromium + " but browser tests are required");
			}
			System.err.println("""

					*****************************************************************************
					*  BROWSER TESTS SKIPPED: no Chromium at %s
					*  Install it (apt-get install chromium fonts-wqy-microhei) or point
					*  -Dmedrecruit.chromium=/path/to/chromium at one. CI requires them.
					*****************************************************************************
					""".formatted(chromium));
			Assumptions.abort("no Chromium at " + chromium);
		}
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true).setArgs(CHROMIUM_ARGS));
	}

	@BeforeEach
	void openPage() {
		context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	/** The last state of every test's page, to look at when one fails. */
	@AfterEach
	void closePage(org.junit.jupiter.api.TestInfo test) {
		if (page != null && !page.isClosed()) {
			screenshot("last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
		}
		if (context != null) {
			context.close();
		}
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void login(String user, String password) {
		page.navigate(url("/login"));
		page.fill("#username", user);
		page.fill("#password", password);
		page.click("#login-submit");
	}

	/**
	 * A reviewer whose approvals a later stage returned is greeted by a notice that covers the page; the demo
	 * reviewers share their institutions with other tests, so one may be waiting. Closes it when it is there.
	 */
	protected void closeReturnedNotice() {
		page.waitForLoadState();
		if (page.locator("#returned-modal").count() > 0) {
			page.locator("#returned-modal").waitFor();
			page.click("#returned-modal .modal-footer button");
			page.locator("#returned-modal").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
				.setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
		}
	}

	protected void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
		assertThat(SCREENSHOTS.resolve(name + ".png")).exists();
	}
}
