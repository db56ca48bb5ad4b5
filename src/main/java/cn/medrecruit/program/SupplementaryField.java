package cn.medrecruit.program;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in supplementary fields of each program (补充报名信息), asked in step 4 of the wizard. A batch shows those
 * the province chooses. Selects offer fixed options; the exam's five fields are one dependent path through the exam
 * specialty tree, each value the id of a tree node at its depth; dates are {@code yyyy-MM-dd}.
 */
public enum SupplementaryField {

	TITLE("title", Program.COUNTY_BACKBONE, Kind.SELECT, List.of("RESIDENT", "ATTENDING", "ASSOCIATE_CHIEF", "CHIEF")),
	TITLE_START("title-start", Program.COUNTY_BACKBONE, Kind.DATE, List.of()),
	SPECIALTY_WORK_START("specialty-work-start", Program.COUNTY_BACKBONE, Kind.DATE, List.of()),
	SOURCE_TYPE("source-type", Program.RESIDENCY, Kind.SELECT, List.of("FRESH_GRADUATE", "PAST_GRADUATE", "EMPLOYED")),
	TRAINING_YEARS("training-years", Program.RESIDENCY, Kind.SELECT, List.of("3", "2", "1")),
	EXAM_LEVEL("exam-level", Program.QUALIFICATION_EXAM, Kind.TREE, List.of()),
	EXAM_QUALIFICATION("exam-qualification", Program.QUALIFICATION_EXAM, Kind.TREE, List.of()),
	EXAM_CATEGORY("exam-category", Program.QUALIFICATION_EXAM, Kind.TREE, List.of()),
	EXAM_SCOPE("exam-scope", Program.QUALIFICATION_EXAM, Kind.TREE, List.of()),
	EXAM_SPECIALTY("exam-specialty", Program.QUALIFICATION_EXAM, Kind.TREE, List.of());

	/** How a field is entered and checked. */
	public enum Kind {
		SELECT, DATE, TREE
	}

	private final String key;
	private final Program program;
	private final Kind kind;
	private final List<String> options;

	SupplementaryField(String key, Program program, Kind kind, List<String> options) {
		this.key = key;
		this.program = program;
		this.kind = kind;
		this.options = options;
	}

	public String key() {
		return key;
	}

	public Program program() {
		return program;
	}

	public Kind kind() {
		return kind;
	}

	/** The fixed options of a select, as codes. */
	public List<String> options() {
		return options;
	}

	public String messageKey() {
		return "program.field." + key;
	}

	public String optionKey(String option) {
		return messageKey() + ".option." + option;
	}

	/** The depth in the exam tree a TREE field picks from (0 = 报考级别). */
	public int depth() {
		return kind == Kind.TREE ? ordinal() - EXAM_LEVEL.ordinal() : -1;
	}

	public static List<SupplementaryField> of(Program program) {
		List<SupplementaryField> fields = new ArrayList<>();
		for (SupplementaryField field : values()) {
			if (field.program == program) {
				fields.add(field);
			}
		}
		return fields;
	}

	public static SupplementaryField ofKey(String key) {
		for (SupplementaryField field : values()) {
			if (field.key.equals(key)) {
				return field;
			}
		}
		return null;
	}
}
