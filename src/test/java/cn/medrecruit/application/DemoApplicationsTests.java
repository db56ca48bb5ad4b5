package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.medrecruit.IntegrationTest;

/**
 * The demo's exam applications: submitted through the services on start, walked on by the reviewers to 单位审查, the
 * 报名点 and the 考点, and left alone on the next start; the exam chain's reviewers sign in with the demo password.
 */
@IntegrationTest
class DemoApplicationsTests {

	@Autowired
	DemoApplications demoApplications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void theDemoApplicantsApplicationsWaitAtEveryLevelOfTheExamChain() {
		assertThat(holders()).containsExactly("wangwu 350122 PENDING 1", "zhaoliu 350122BM PENDING 1",
				"sunqi 3501KD PENDING 1", "zhoulan 3501KD PENDING 1");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM application a JOIN account c ON c.id = a.account_id
				 WHERE c.login_name IN ('wangwu', 'zhaoliu', 'sunqi', 'zhoulan') AND a.status <> 'DRAFT'""")
			.query(Integer.class).single()).isEqualTo(4);
		// every evidence image is there for the reviewers' checks
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM profile_document d JOIN account c ON c.id = d.account_id
				 WHERE c.login_name = 'wangwu'""").query(Integer.class).single()).isEqualTo(4);

		demoApplications.run(new DefaultApplicationArguments());
		assertThat(holders()).as("a restart changes nothing").containsExactly("wangwu 350122 PENDING 1",
				"zhaoliu 350122BM PENDING 1", "sunqi 3501KD PENDING 1", "zhoulan 3501KD PENDING 1");
	}

	@Test
	void theExamChainsReviewersSignInWithTheDemoPassword() {
		for (String login : List.of("35KQ", "3501KD", "3505KD", "350122BM", "wangwu")) {
			String hash = jdbc.sql("SELECT password_hash FROM account WHERE login_name = :l").param("l", login)
				.query(String.class).single();
			assertThat(encoder.matches("Demo@2026", hash)).as(login).isTrue();
			assertThat(jdbc.sql("SELECT must_change_password FROM account WHERE login_name = :l").param("l", login)
				.query(Boolean.class).single()).as(login).isFalse();
		}
	}

	private List<String> holders() {
		return jdbc.sql("""
				SELECT c.login_name, i.code, r.state, r.round_no FROM review_request r
				  JOIN account c ON c.id = r.applicant_account_id
				  JOIN institution i ON i.id = r.holder_institution_id
				 WHERE c.login_name IN ('wangwu', 'zhaoliu', 'sunqi', 'zhoulan')
				 ORDER BY CASE c.login_name WHEN 'wangwu' THEN 1 WHEN 'zhaoliu' THEN 2 WHEN 'sunqi' THEN 3 ELSE 4 END""")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4))
			.list();
	}
}
