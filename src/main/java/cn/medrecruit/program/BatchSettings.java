package cn.medrecruit.program;

import java.util.List;
import java.util.Set;

import cn.medrecruit.organization.BaseCategory;

/** What the province sets on a batch; the review windows are in chain order, one per stage. */
record BatchSettings(String name, Set<PersonType> personTypes, Set<BaseCategory> baseCategories, int choiceCount,
		boolean adjustmentAllowed, Set<Long> specialtyIds, Window registration, List<Window> stageWindows,
		Window admission, Window confirmation, Window checkIn) {
}
