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

	/**
	 * The stage (index from 0) at which a returned application re-enters when it is resubmitted: the one the province
	 * marked, or the first.
	 */
	public int reentryStage() {
		for (int i = 0; i < chain.size(); i++) {
			if (chain.get(i).reentry()) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * Whether approvals at the stage wait for its holder's 汇总提交: as the province set it, by default at the 考点;
	 * never at the last stage, which has no next one.
	 */
	public boolean forwardsBySummary(int stageIndex) {
		if (stageIndex < 0 || stageIndex >= chain.size() - 1) {
			return false;
		}
		ChainStage stage = chain.get(stageIndex);
		return stage.bySummary() != null ? stage.bySummary() : stage.level() == StageLevel.EXAM_SITE;
	}

	/**
	 * Whether the stage approves only when every evidence image is answered 与原件一致 = 是: as the province set it, by
	 * default at the last stage only.
	 */
	public boolean requiresAllImages(int stageIndex) {
		if (stageIndex < 0 || stageIndex >= chain.size()) {
			return false;
		}
		Boolean set = chain.get(stageIndex).imagesRequired();
		return set != null ? set : stageIndex == chain.size() - 1;
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
