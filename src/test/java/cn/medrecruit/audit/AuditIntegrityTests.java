package cn.medrecruit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.IntegrationTest;

@IntegrationTest
class AuditIntegrityTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	record Row(long id, long seq) {
	}

	@Test
	void editingOrDeletingASealedEntryIsReportedWhereItHappened() {
		String target = "tamper-test:" + System.nanoTime();
		for (int i = 0; i < 4; i++) {
			events.publishEvent(AuditEvent.success("TEST_EVENT", target, "line " + i).by("tester"));
		}
		AuditVerification.Result sealed = verification.sealAndVerify();
		List<Row> rows = jdbc.sql("SELECT id, seq FROM audit_entry WHERE target = :target ORDER BY id")
			.param("target", target)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("seq")))
			.list();
		assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.seq()).isPositive());
		assertThat(rows).extracting(Row::seq).isSorted().doesNotHaveDuplicates();
		assertThat(concerning(sealed, rows)).isEmpty();
		Row middle = rows.get(1);
		Row next = rows.get(2);

		// an edited detail: the recomputed hash no longer matches, at that very entry
		jdbc.sql("UPDATE audit_entry SET detail = 'nothing happened' WHERE id = :id").param("id", middle.id()).update();
		try {
			AuditVerification.Result altered = verification.verify();
			assertThat(altered.intact()).isFalse();
			assertThat(concerning(altered, rows))
				.containsExactly(new AuditVerification.Problem(middle.seq(), middle.id(), "altered"));

			// the command-line check tells the same and answers with exit code 3
			ByteArrayOutputStream printed = new ByteArrayOutputStream();
			int code = AuditVerifyCommand.report(altered, new PrintStream(printed, true, StandardCharsets.UTF_8));
			assertThat(code).isEqualTo(AuditVerifyCommand.BROKEN);
			assertThat(printed.toString(StandardCharsets.UTF_8)).contains("AUDIT CHAIN BROKEN")
				.contains("seq=" + middle.seq() + " entry=" + middle.id() + " kind=altered");
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET detail = 'line 1' WHERE id = :id").param("id", middle.id()).update();
		}
		assertThat(concerning(verification.verify(), rows)).isEmpty();

		// a deleted entry: a gap in the sequence and a link to a hash that is no longer there
		Map<String, Object> saved = jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", middle.id())
			.query()
			.singleRow();
		jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", middle.id()).update();
		try {
			AuditVerification.Result missing = verification.verify();
			assertThat(missing.intact()).isFalse();
			assertThat(concerning(missing, rows)).containsExactlyInAnyOrder(
					new AuditVerification.Problem(middle.seq(), next.id(), "missing"),
					new AuditVerification.Problem(next.seq(), next.id(), "broken-link"));
		}
		finally {
			jdbc.sql("""
					INSERT INTO audit_entry (id, occurred_at, actor, institution_id, ip, action, target, outcome, detail,
					                         seq, prev_hash, hash)
					VALUES (:id, :occurred_at, :actor, :institution_id, :ip, :action, :target, :outcome, :detail,
					        :seq, :prev_hash, :hash)""")
				.params(saved)
				.update();
		}
		AuditVerification.Result restored = verification.verify();
		assertThat(concerning(restored, rows)).isEmpty();
	}

	@Test
	void intactChainGivesExitCodeZero() {
		AuditVerification.Result intact = new AuditVerification.Result(12, List.of());
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(AuditVerifyCommand.report(intact, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isEqualTo(AuditVerifyCommand.INTACT);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("AUDIT CHAIN INTACT: 12 entries checked");
	}

	@Test
	void auditorSearchesByActionAndDayInTheLocalZone() throws Exception {
		String action = "TEST_SEARCH_" + System.nanoTime();
		events.publishEvent(AuditEvent.success(action, "thing:1", "first").by("searcher"));
		events.publishEvent(new AuditEvent(action, "thing:2", AuditEvent.Outcome.DENIED, "second", "searcher"));
		LocalDate today = LocalDate.now(clock);
		var auditor = user(users.loadUserByUsername("auditor"));

		mvc.perform(get("/audit").param("action", action).with(auditor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("thing:1")))
			.andExpect(content().string(containsString("thing:2")))
			.andExpect(content().string(containsString("待封存")));
		mvc.perform(get("/audit").param("action", action).param("outcome", "DENIED").with(auditor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("thing:2")))
			.andExpect(content().string(not(containsString("thing:1"))));
		mvc.perform(get("/audit").param("action", action)
			.param("from", today.toString())
			.param("to", today.toString())
			.with(auditor)).andExpect(content().string(containsString("thing:1")));
		mvc.perform(get("/audit").param("action", action).param("from", today.plusDays(1).toString()).with(auditor))
			.andExpect(content().string(not(containsString("thing:1"))));
		mvc.perform(get("/audit").param("action", action).param("to", today.minusDays(1).toString()).with(auditor))
			.andExpect(content().string(not(containsString("thing:1"))));
		mvc.perform(get("/audit").param("actor", "nobody-" + action).param("action", action).with(auditor))
			.andExpect(content().string(not(containsString("thing:1"))));
	}

	@Test
	void dayBoundariesFollowThePlatformZoneNotUtc() {
		String action = "TEST_ZONE_" + System.nanoTime();
		// 2026-05-01 23:30 in Shanghai is 15:30 UTC: it belongs to 1 May there
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, target, outcome)
				VALUES (:at, 'tester', :action, 'zone:1', 'SUCCESS')""")
			.param("at", Timestamp.from(java.time.Instant.parse("2026-05-01T15:30:00Z")))
			.param("action", action)
			.update();
		AuditLog log = new AuditLog(jdbc, Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
		LocalDate may1 = LocalDate.of(2026, 5, 1);
		assertThat(log.search(new AuditQuery(may1, may1, null, action, null, null)).lines()).hasSize(1)
			.first()
			.satisfies(line -> assertThat(line.time()).isEqualTo(java.time.LocalDateTime.of(2026, 5, 1, 23, 30)));
		assertThat(log.search(new AuditQuery(may1.plusDays(1), null, null, action, null, null)).lines()).isEmpty();
	}

	@Test
	void verifyingFromThePageShowsTheResultAndIsItselfAudited() throws Exception {
		long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
		mvc.perform(post("/audit/verify").with(user(users.loadUserByUsername("auditor"))).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"verify-result\"")))
			.andExpect(content().string(containsString("已校验")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE id > :id AND action = 'AUDIT_VERIFIED' AND actor = 'auditor'")
			.param("id", before)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyHoldersOfAuditViewSeeTheLog() throws Exception {
		mvc.perform(get("/audit").with(user(users.loadUserByUsername("350122")))).andExpect(status().isForbidden());
		mvc.perform(post("/audit/verify").with(user(users.loadUserByUsername("350000"))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk());
	}

	/** The chain is shared by every test: only problems at or right after our own entries are ours. */
	private static List<AuditVerification.Problem> concerning(AuditVerification.Result result, List<Row> rows) {
		long first = rows.get(0).seq();
		long last = rows.get(rows.size() - 1).seq();
		return result.problems().stream().filter(problem -> problem.seq() >= first && problem.seq() <= last).toList();
	}
}
