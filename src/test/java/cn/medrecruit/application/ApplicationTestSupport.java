package cn.medrecruit.application;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestClock;

/** What the application tests share: the service, the fixtures that set up batches and applicants, and the clock. */
abstract class ApplicationTestSupport {

	@Autowired
	Applications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants testApplicants;

	@Autowired
	TestClock clock;

	ApplicationFixtures fixtures;

	@BeforeEach
	void applicationFixtures() {
		fixtures = new ApplicationFixtures(jdbc, mvc, testApplicants);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}
}
