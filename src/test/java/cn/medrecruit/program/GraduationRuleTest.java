package cn.medrecruit.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class GraduationRuleTest {

	@Test
	void withinNYearsCountsTheCohortYearAndTheYearsBefore() {
		GraduationRule rule = new GraduationRule(3, null);
		assertThat(rule.allowedYears(2024)).containsExactly(2022, 2023, 2024);
		assertThat(rule.admits(2022, 2024)).isTrue();
		assertThat(rule.admits(2021, 2024)).isFalse();
		assertThat(rule.admits(2025, 2024)).as("not yet graduated in the cohort year").isFalse();
		assertThat(rule.admits(null, 2024)).as("no education recorded").isFalse();
	}

	@Test
	void listedYearsAreTakenAsTheyAreAndNoRuleAdmitsAnyone() {
		GraduationRule rule = new GraduationRule(null, new TreeSet<>(List.of(2024, 2022)));
		assertThat(rule.allowedYears(2030)).containsExactly(2022, 2024);
		assertThat(rule.admits(2023, 2030)).isFalse();
		assertThat(rule.yearsText()).isEqualTo("2022,2024");
		assertThat(GraduationRule.NONE.any()).isTrue();
		assertThat(GraduationRule.NONE.admits(null, 2024)).isTrue();
	}
}
