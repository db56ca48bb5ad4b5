package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Timestamp;
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
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.ReviewFixtures;
import cn.medrecruit.review.ReviewRequest;
import cn.medrecruit.review.Reviews;

/**
 * On the exam chain 报名点 → 考点 → 考区: 福州考点 assigns one item to 泉州考点 for cross review, approves another and
 * hands it to the 考区 by 汇总提交; when the 考区 returns it, 福州考点 sees the notice as a modal after signing in.
 */
@AutoConfigureMockMvc
class ReviewOpsBrowserTests extends BrowserTest {

	private static final String PASSWORD = "Demo@2026";

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

	@Autowired
	Reviews reviews;

	@Test
	void aSiteAssignsOneForCrossReviewAndSubmitsTheOtherBySummary() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, mvc, applicants, applications, users);
		long batch = fixtures.countyChainBatch("考务汇总" + System.nanoTime() % 100000, Instant.now());
		String[] levels = { "REGISTRATION_POINT", "EXAM_SITE", "EXAM_AREA" };
		for (int i = 0; i < levels.length; i++) {
			jdbc.sql("UPDATE batch_stage SET stage_level = :l WHERE batch_id = :b AND stage_position = :p")
				.param("l", levels[i]).param("b", batch).param("p", i).update();
		}
		CurrentUser point = staff("ui350122BM", "350122BM", "COUNTY");
		staff("ui3501KD", "3501KD", "CITY");
		CurrentUser area = staff("ui35KQ", "35KQ", "PROVINCE");
		ReviewRequest crossed = atSite(fixtures, "邱交叉", batch, point);
		ReviewRequest summed = atSite(fixtures, "汪汇总", batch, point);
		page.onDialog(dialog -> dialog.accept());

		login("ui3501KD", PASSWORD);
		page.navigate(url("/review?batch=" + batch));
		assertThat(page.locator("#inbox-table")).containsText("邱交叉");
		page.check("#request-" + crossed.id() + " input[name=items]");
		page.selectOption("#cross-target", new com.microsoft.playwright.options.SelectOption().setLabel("泉州考点"));
		page.click("#cross-assign");
		assertThat(page.locator(".alert-success")).containsText("已分配 1 份");
		assertThat(page.locator("#inbox-table")).not().containsText("邱交叉");

		page.navigate(url("/review/requests/" + summed.id()));
		page.click("#approve");
		assertThat(page.locator("#request-state")).containsText("待汇总提交");
		page.navigate(url("/review"));
		assertThat(page.locator("#count-status-waiting")).isVisible();
		page.click("#tab-summary");
		assertThat(page.locator("#waiting-batch-" + batch + " .waiting-count")).hasText("1");
		screenshot("review-summary");
		page.click("#waiting-batch-" + batch + " .summary-all");
		assertThat(page.locator(".alert-success")).containsText("已汇总提交 1 份报名");
		assertThat(page.locator("#summary-history")).containsText("ui3501KD");

		ReviewRequest atArea = reviews.find(RequestKind.APPLICATION, summed.subjectId()).orElseThrow();
		reviews.returnForChanges(area, atArea.id(), atArea.version(), "照片不清晰");
		page.context().clearCookies();
		login("ui3501KD", PASSWORD);
		assertThat(page.locator("#returned-modal")).isVisible();
		screenshot("review-returned-modal");
		page.click("#returned-modal .modal-footer button");
		assertThat(page.locator("#returned-modal")).isHidden();
		page.navigate(url("/"));
		assertThat(page.locator("#home-returned-notice")).isVisible();
		assertThat(page.locator("#returned-modal")).isHidden();
	}

	@Test
	void theProvinceSetsTheReviewRulesAndTheSiteSubmitsChosenItemsAtOnce() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, mvc, applicants, applications, users);
		long batch = fixtures.countyChainBatch("批量提交" + System.nanoTime() % 100000, Instant.now());
		String[] levels = { "REGISTRATION_POINT", "EXAM_SITE", "EXAM_AREA" };
		for (int i = 0; i < levels.length; i++) {
			jdbc.sql("UPDATE batch_stage SET stage_level = :l WHERE batch_id = :b AND stage_position = :p")
				.param("l", levels[i]).param("b", batch).param("p", i).update();
		}
		CurrentUser point = staff("ui350122BM", "350122BM", "COUNTY");
		staff("ui3501KD", "3501KD", "CITY");
		page.onDialog(dialog -> dialog.accept());

		login("350000", PASSWORD);
		page.navigate(url("/programs/batches/" + batch + "#review-rules"));
		assertThat(page.locator("#by-summary-1")).isChecked();
		assertThat(page.locator("#images-2")).isChecked();
		page.check("#reentry-1");
		page.check("#images-0");
		page.click("#review-rules-save");
		assertThat(page.locator(".alert-success")).containsText("审核规则已保存");
		assertThat(page.locator("#reentry-1")).isChecked();
		assertThat(page.locator("#images-0")).isChecked();
		screenshot("batch-review-rules");
		page.uncheck("#images-0");
		page.uncheck("#images-2");
		page.click("#review-rules-save");
		assertThat(page.locator("#review-rules-error")).containsText("至少要有一个环节须核对全部图片");

		ApplicationView application = fixtures.submitted(fixtures.applicant("戴批量", ReviewFixtures.LIANJIANG_HOSPITAL),
				batch);
		ReviewRequest request = reviews.find(RequestKind.APPLICATION, application.id()).orElseThrow();
		java.util.List<cn.medrecruit.review.ReviewSubject.Evidence> evidence = reviews.detail(point, request.id())
			.orElseThrow().subject().evidence();
		evidence.forEach(image -> reviews.checkImage(point, request.id(), image.fileId(), true, null));
		reviews.approve(point, request.id(), request.version(), null);

		page.context().clearCookies();
		login("ui3501KD", PASSWORD);
		page.navigate(url("/review?batch=" + batch));
		assertThat(page.locator("#inbox-table")).containsText("戴批量");
		page.check("#request-" + request.id() + " input[name=items]");
		page.click("#batch-submit");
		assertThat(page.locator(".alert-success")).containsText("批量提交：1 份已提交，0 份未提交");
		assertThat(page.locator("#batch-results")).containsText("戴批量：已审核通过并提交到下一级");
		screenshot("review-batch-submit");
		ReviewRequest atArea = reviews.find(RequestKind.APPLICATION, application.id()).orElseThrow();
		org.assertj.core.api.Assertions.assertThat(atArea.stageLevel())
			.isEqualTo(cn.medrecruit.program.StageLevel.EXAM_AREA);
		org.assertj.core.api.Assertions.assertThat(atArea.state())
			.isEqualTo(cn.medrecruit.review.ReviewState.PENDING);
	}

	private ReviewRequest atSite(ReviewFixtures fixtures, String name, long batch, CurrentUser point)
			throws Exception {
		ApplicationView application = fixtures.submitted(fixtures.applicant(name, ReviewFixtures.LIANJIANG_HOSPITAL),
				batch);
		ReviewRequest request = reviews.find(RequestKind.APPLICATION, application.id()).orElseThrow();
		reviews.approve(point, request.id(), request.version(), null);
		return reviews.find(RequestKind.APPLICATION, application.id()).orElseThrow();
	}

	/** A staff account of the institution with this code, with the demo password (made once). */
	private CurrentUser staff(String login, String code, String role) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM account WHERE login_name = :l").param("l", login)
			.query(Integer.class).single() > 0;
		if (!exists) {
			jdbc.sql("""
					INSERT INTO account (login_name, kind, real_name, institution_id, institution_path, password_hash,
					  password_changed_at, must_change_password, profile_required, enabled, failed_attempts, created_at,
					  version)
					SELECT :l, 'STAFF', :l, i.id, i.path, a.password_hash, :now, FALSE, FALSE, TRUE, 0, :now, 0
					  FROM institution i, account a WHERE i.code = :code AND a.login_name = '350122'""")
				.param("l", login).param("code", code).param("now", Timestamp.from(Instant.now())).update();
			jdbc.sql("INSERT INTO account_role (account, role) SELECT id, :r FROM account WHERE login_name = :l")
				.param("r", role).param("l", login).update();
		}
		return (CurrentUser) users.loadUserByUsername(login);
	}
}
