package cn.medrecruit.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestClock;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.organization.BaseCategory;

/** Windows are enforced by the server: the answers of {@link Batches} before, during and after each window. */
@IntegrationTest
class BatchWindowsTests {

	@Autowired
	Batches batches;

	@Autowired
	ProgramSetup setup;

	@Autowired
	TestClock clock;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void registrationAndReviewOpenOnlyInsideTheirWindows() {
		Instant t0 = clock.instant();
		BatchId id = batchWith(t0, "时间窗" + System.nanoTime());

		assertThat(batches.registrationOpen(id, clock.instant())).isFalse();
		assertThat(openIds()).doesNotContain(id);
		assertThat(batches.find(id).orElseThrow().statusAt(clock.instant())).isEqualTo(BatchStatus.NOT_STARTED);

		clock.advance(Duration.ofMinutes(90));
		assertThat(batches.registrationOpen(id, clock.instant())).isTrue();
		assertThat(batches.reviewOpen(id, 0, clock.instant())).isFalse();
		assertThat(openIds()).contains(id);
		assertThat(batches.find(id).orElseThrow().statusAt(clock.instant())).isEqualTo(BatchStatus.REGISTRATION);

		clock.advance(Duration.ofMinutes(120));
		assertThat(batches.registrationOpen(id, clock.instant())).as("registration closed at its end").isFalse();
		assertThat(batches.reviewOpen(id, 0, clock.instant())).isTrue();
		assertThat(batches.reviewOpen(id, 1, clock.instant())).as("no such stage").isFalse();
		assertThat(openIds()).doesNotContain(id);
		assertThat(batches.find(id).orElseThrow().statusAt(clock.instant())).isEqualTo(BatchStatus.IN_PROGRESS);

		clock.advance(Duration.ofHours(2));
		assertThat(batches.reviewOpen(id, 0, clock.instant())).isFalse();
		clock.advance(Duration.ofDays(10));
		assertThat(batches.find(id).orElseThrow().statusAt(clock.instant())).isEqualTo(BatchStatus.ENDED);
	}

	@Test
	void theWindowStartIsInclusiveAndItsEndExclusive() {
		Instant t0 = clock.instant();
		BatchId id = batchWith(t0, "边界" + System.nanoTime());
		BatchView batch = batches.find(id).orElseThrow();
		Instant start = batch.registration().start();
		assertThat(batches.registrationOpen(id, start.minusMillis(1))).isFalse();
		assertThat(batches.registrationOpen(id, start)).isTrue();
		assertThat(batches.registrationOpen(id, batch.registration().end())).isFalse();
		assertThat(batches.registrationOpen(new BatchId(-1), start)).isFalse();
	}

	@Test
	void theViewCarriesThePersonTypeRules() {
		BatchView batch = batches.find(batchWith(clock.instant(), "规则" + System.nanoTime())).orElseThrow();
		assertThat(batch.personTypes()).extracting(BatchView.PersonTypeRule::type)
			.containsExactly(PersonType.OWN_RESIDENT, PersonType.SOCIAL_RECRUIT);
		assertThat(batch.personTypes().get(0).currentUnitRequired()).isTrue();
		assertThat(batch.personTypes().get(1).currentUnitRequired()).isFalse();
		assertThat(batch.personTypes().get(1).graduation().any()).as("no graduation rule unless the province sets one")
			.isTrue();
		assertThat(batch.fields()).isEmpty();
		assertThat(batch.chain()).extracting(ChainStage::level).containsExactly(StageLevel.FIRST_CHOICE_BASE);
		assertThat(batch.choiceCount()).isEqualTo(2);
		assertThat(batch.adjustmentAllowed()).isTrue();
	}

	private List<BatchId> openIds() {
		return batches.openForRegistration(clock.instant()).stream().map(OpenBatch::id).toList();
	}

	/** Registration from t0+1h to t0+3h, review t0+3h to t0+5h, then admission, confirmation, check-in. */
	private BatchId batchWith(Instant t0, String name) {
		CurrentUser province = (CurrentUser) users.loadUserByUsername("350000");
		Integer max = jdbc.sql("SELECT MAX(cohort_year) FROM cohort WHERE program_code = 'residency'")
			.query(Integer.class).optional().orElse(null);
		CohortId cohort = setup.createCohort(Program.RESIDENCY, max == null ? 2000 : max + 1, province);
		long specialty = jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'residency' AND code = 'R01'")
			.query(Long.class).single();
		Instant h = t0.plus(Duration.ofHours(1));
		BatchSettings settings = new BatchSettings(name, EnumSet.of(PersonType.OWN_RESIDENT, PersonType.SOCIAL_RECRUIT),
				EnumSet.of(BaseCategory.GENERAL), 2, true, Set.of(specialty), new Window(h, h.plus(Duration.ofHours(2))),
				List.of(new Window(h.plus(Duration.ofHours(2)), h.plus(Duration.ofHours(4)))),
				new Window(h.plus(Duration.ofHours(5)), h.plus(Duration.ofHours(6))),
				new Window(h.plus(Duration.ofHours(7)), h.plus(Duration.ofHours(8))),
				new Window(h.plus(Duration.ofDays(1)), h.plus(Duration.ofDays(2))));
		return setup.createBatch(cohort, settings, province);
	}
}
