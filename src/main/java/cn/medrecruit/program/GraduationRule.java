package cn.medrecruit.program;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which graduation years a person type admits (面向社会: 择业期内): graduated in the cohort year or the years before,
 * {@code within} years in all, or in one of the listed {@code years}. Neither set: any year.
 */
public record GraduationRule(Integer within, SortedSet<Integer> years) {

	public static final GraduationRule NONE = new GraduationRule(null, Collections.emptySortedSet());

	public GraduationRule {
		years = Collections.unmodifiableSortedSet(new TreeSet<>(years == null ? Collections.emptySortedSet() : years));
	}

	public boolean any() {
		return within == null && years.isEmpty();
	}

	/** The years admitted for a cohort, oldest first; empty when any year is. */
	public SortedSet<Integer> allowedYears(int cohortYear) {
		if (!years.isEmpty()) {
			return years;
		}
		SortedSet<Integer> allowed = new TreeSet<>();
		if (within != null) {
			for (int year = cohortYear - within + 1; year <= cohortYear; year++) {
				allowed.add(year);
			}
		}
		return Collections.unmodifiableSortedSet(allowed);
	}

	public boolean admits(Integer graduationYear, int cohortYear) {
		return any() || graduationYear != null && allowedYears(cohortYear).contains(graduationYear);
	}

	/** The years as the batch form shows them: {@code 2022,2023,2024}. */
	public String yearsText() {
		return String.join(",", years.stream().map(String::valueOf).toList());
	}
}
