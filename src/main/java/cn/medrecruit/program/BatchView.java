package cn.medrecruit.program;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.medrecruit.organization.BaseCategory;

/**
 * A batch as the other modules see it: its rules and windows. Windows are instants; the wizard and the review engine
 * ask {@link Batches} whether one is open instead of comparing themselves.
 */
public record BatchView(BatchId id, CohortId cohortId, Program program, int year, String name,
		List<PersonTypeRule> personTypes, Set<BaseCategory> baseCategories, int choiceCount, boolean adjustmentAllowed,
		List<Specialty> specialties, Window registration, List<ChainStage> chain, Window admission,
		Window confirmation, Window checkIn, List<FieldRule> fields, int version) {

	/**
	 * A person type the batch admits, with the rules the wizard checks.
	 *
	 * @param description the text shown to applicants, or null for the person type's built-in one
	 */
	public record PersonTypeRule(PersonType type, String description, boolean currentUnitRequired,
			GraduationRule graduation) {
	}

	/** A supplementary field the batch asks for in step 4. */
	public record FieldRule(SupplementaryField field, boolean required) {
	}

	public java.util.Optional<PersonTypeRule> rule(PersonType type) {
		return personTypes.stream().filter(rule -> rule.type() == type).findFirst();
	}

	/** An open specialty of the batch. */
	public record Specialty(long id, String code, String name) {
	}

	public BatchStatus statusAt(Instant now) {
		Instant last = registration.end();
		for (Window window : allWindows()) {
			if (window != null && window.end().isAfter(last)) {
				last = window.end();
			}
		}
		return BatchStatus.at(now, registration, last);
	}

	private List<Window> allWindows() {
		java.util.ArrayList<Window> all = new java.util.ArrayList<>();
		chain.forEach(stage -> all.add(stage.window()));
		all.add(admission);
		all.add(confirmation);
		all.add(checkIn);
		return all;
	}
}
