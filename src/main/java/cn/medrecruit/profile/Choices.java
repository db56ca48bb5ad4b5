package cn.medrecruit.profile;

import java.util.List;
import java.util.stream.IntStream;

/** The fixed lists of the profile forms; labels come from the message bundle by these codes. */
public final class Choices {

	/** GB/T 3304 codes of the 56 ethnic groups, and 97 for others. */
	public static final List<String> ETHNICITIES = IntStream.concat(IntStream.rangeClosed(1, 56), IntStream.of(97))
		.mapToObj(code -> String.format("%02d", code))
		.toList();

	private Choices() {
	}

	public enum PoliticalStatus {
		CPC_MEMBER, CPC_PROBATIONARY, CYL_MEMBER, DEMOCRATIC_PARTY, NON_PARTISAN, MASSES
	}

	public enum MaritalStatus {
		UNMARRIED, MARRIED, DIVORCED, WIDOWED
	}

	/** 学历层次: 大专, 本科, 硕士, 博士. */
	public enum EducationLevel {
		JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTOR
	}

	public enum Degree {
		NONE, BACHELOR, MASTER, DOCTOR
	}

	public enum StudyForm {
		FULL_TIME, PART_TIME
	}

	/** 执业类别. */
	public enum PracticeCategory {
		CLINICAL, DENTAL, PUBLIC_HEALTH, TCM
	}
}
