package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.StatementCounter;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;
/**
 * What one submit costs the database: every submit of a plan queues on its counter row and the application's CPU per
 * submit limits throughput, so the number of statements a submit sends is bounded here (README, "Application submit").
 */
@IntegrationTest
class SubmitStatementsTests extends ApplicationTestSupport {

	/**
	 * 21 statements and the commit, for an applicant without a unit to a residency batch (36 before): one of them keeps
	 * the first stage holder's pending tally.
	 */
	static final int SUBMIT_STATEMENTS = 22;

	@Test
	void aSubmitRunsAFixedSmallNumberOfStatementsAndAReplayTwo() throws Exception {
		long batch = fixtures.openBatch("语句数" + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered applicant = fixtures.completeApplicant("钱语句", false);
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT);
		applications.chooseSpecialty(applicant.id(), draft.id(), fixtures.specialty("R01"));
		applications.chooseBases(applicant.id(), draft.id(), List.of(fixtures.institution(ApplicationFixtures.BASE)),
				true);

		StatementCounter.record();
		boolean submitted = applications.submit(applicant.id(), draft.id(), applicant.principal());
		List<String> statements = StatementCounter.recorded();

		assertThat(submitted).isTrue();
		assertThat(statements).as("statements of one submit").hasSizeLessThanOrEqualTo(SUBMIT_STATEMENTS)
			.last().isEqualTo("COMMIT");
		// each table the submit writes, written once: the rules it keeps are still there
		assertThat(statements).filteredOn(sql -> sql.startsWith("UPDATE applicant_profile SET frozen = TRUE")).hasSize(1);
		assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO application_history")).hasSize(1);
		assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO review_request ")).hasSize(1);
		assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO audit_entry")).hasSize(2);
		assertThat(statements).filteredOn(sql -> sql.startsWith("UPDATE plan SET applied_count")).hasSize(1);
		assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO review_tally")).hasSize(1);
		// the rows every submit to one holder and one plan shares are written last, held only until the commit
		int tallyAt = 0;
		while (!statements.get(tallyAt).startsWith("INSERT INTO review_tally")) {
			tallyAt++;
		}
		List<String> shared = statements.subList(tallyAt, statements.size());
		assertThat(shared).as("statements from the holder's tally on")
			.satisfiesExactly(tally -> assertThat(tally).startsWith("INSERT INTO review_tally"),
					plan -> assertThat(plan).startsWith("UPDATE plan SET applied_count"),
					commit -> assertThat(commit).isEqualTo("COMMIT"));
		assertThat(statements).filteredOn(sql -> sql.contains("FROM batch b JOIN cohort c")).hasSize(1);

		StatementCounter.record();
		boolean replayed = applications.submit(applicant.id(), draft.id(), applicant.principal());
		List<String> replay = StatementCounter.recorded();
		assertThat(replayed).isFalse();
		assertThat(replay).as("statements of a replayed submit").hasSize(2).last().isEqualTo("COMMIT");
	}
}
