package cn.medrecruit.review;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestClock;
import cn.medrecruit.application.ApplicationView;
import cn.medrecruit.application.Applications;
import cn.medrecruit.identity.CurrentUser;

/**
 * What the review engine's tests share: the engine, the applications that walk it, the fixtures, the demo province's
 * county, city and province reviewers, and a clock set back after every test.
 */
abstract class ReviewTestSupport {

	@Autowired
	Reviews reviews;

	@Autowired
	Applications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants testApplicants;

	@Autowired
	UserDetailsService users;

	@Autowired
	TestClock clock;

	ReviewFixtures fixtures;

	CurrentUser county;

	CurrentUser city;

	CurrentUser province;

	@BeforeEach
	void reviewFixtures() {
		fixtures = new ReviewFixtures(jdbc, mvc, testApplicants, applications, users);
		county = fixtures.reviewer("350122");
		city = fixtures.reviewer("350100");
		province = fixtures.reviewer("350000");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A batch of the county chain 区县 → 地市 → 省, every window open. */
	long batch() {
		return fixtures.countyChainBatch("审核" + System.nanoTime(), clock.instant());
	}

	/** A batch whose chain is 报名点 → 考点 → 考区, every window open. */
	long examBatch() {
		long batch = batch();
		String[] levels = { "REGISTRATION_POINT", "EXAM_SITE", "EXAM_AREA" };
		for (int i = 0; i < levels.length; i++) {
			jdbc.sql("UPDATE batch_stage SET stage_level = :l WHERE batch_id = :b AND stage_position = :p")
				.param("l", levels[i]).param("b", batch).param("p", i).update();
		}
		return batch;
	}

	/** The review request of a new applicant of 连江县医院 who submitted to the batch. */
	ReviewRequest submit(String name, long batch) throws Exception {
		return submit(name, ReviewFixtures.LIANJIANG_HOSPITAL, batch);
	}

	/** The review request of a new applicant of the unit with this code who submitted to the batch. */
	ReviewRequest submit(String name, String unit, long batch) throws Exception {
		TestApplicants.Registered applicant = fixtures.applicant(name, unit);
		ApplicationView application = fixtures.submitted(applicant, batch);
		return reviews.find(RequestKind.APPLICATION, application.id()).orElseThrow();
	}

	ReviewRequest reload(ReviewRequest request) {
		return reviews.find(request.kind(), request.subjectId()).orElseThrow();
	}

	/** The ids on the reviewer's 待审 page for the batch. */
	List<Long> inbox(CurrentUser reviewer, long batch) {
		return reviews.inbox(reviewer, new InboxQuery(null, null, batch, null, null, null, null, false, null, null))
			.rows()
			.stream()
			.map(ReviewRequest::id)
			.toList();
	}

	long institution(String code) {
		return fixtures.applicationFixtures().institution(code);
	}

	/** A staff account of the institution with this code (made once). */
	CurrentUser staff(String login, String code, String role) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM account WHERE login_name = :l").param("l", login)
			.query(Integer.class).single() > 0;
		if (!exists) {
			long institution = institution(code);
			String path = jdbc.sql("SELECT path FROM institution WHERE id = :i").param("i", institution)
				.query(String.class).single();
			jdbc.sql("""
					INSERT INTO account (login_name, kind, real_name, institution_id, institution_path, password_hash,
					  password_changed_at, must_change_password, profile_required, enabled, failed_attempts, created_at,
					  version)
					VALUES (:l, 'STAFF', :l, :i, :p, '{noop}x', CURRENT_TIMESTAMP, FALSE, FALSE, TRUE, 0,
					  CURRENT_TIMESTAMP, 0)""")
				.param("l", login).param("i", institution).param("p", path).update();
			jdbc.sql("INSERT INTO account_role (account, role) SELECT id, :r FROM account WHERE login_name = :l")
				.param("r", role).param("l", login).update();
		}
		return fixtures.reviewer(login);
	}
}
