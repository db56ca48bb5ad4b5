package cn.medrecruit.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestClock;
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
}
