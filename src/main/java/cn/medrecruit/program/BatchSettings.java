package cn.medrecruit.program;

import java.util.List;
import java.util.Set;

import cn.medrecruit.organization.BaseCategory;

/**
 * What the province sets on a batch; the review windows are in chain order, one per stage. {@code rules} holds the
 * rules of the admitted person types (a type without one keeps its built-in rules); {@code fields} the supplementary
 * fields shown in step 4.
 */
record BatchSettings(String name, Set<PersonType> personTypes, Set<BaseCategory> baseCategories, int choiceCount,
		boolean adjustmentAllowed, Set<Long> specialtyIds, Window registration, List<Window> stageWindows,
		Window admission, Window confirmation, Window checkIn, List<BatchView.PersonTypeRule> rules,
		List<BatchView.FieldRule> fields) {

	BatchSettings(String name, Set<PersonType> personTypes, Set<BaseCategory> baseCategories, int choiceCount,
			boolean adjustmentAllowed, Set<Long> specialtyIds, Window registration, List<Window> stageWindows,
			Window admission, Window confirmation, Window checkIn) {
		this(name, personTypes, baseCategories, choiceCount, adjustmentAllowed, specialtyIds, registration,
				stageWindows, admission, confirmation, checkIn, List.of(), List.of());
	}

	BatchView.PersonTypeRule ruleOf(PersonType type) {
		return rules.stream()
			.filter(rule -> rule.type() == type)
			.findFirst()
			.orElse(new BatchView.PersonTypeRule(type, null, type.currentUnitRequired(), GraduationRule.NONE));
	}
}
