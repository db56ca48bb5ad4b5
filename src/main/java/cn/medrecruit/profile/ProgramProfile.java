package cn.medrecruit.profile;

import java.util.EnumSet;
import java.util.Set;

/**
 * What each program asks of the profile. Programs are configured in their own module; this is the part of their
 * rules that only the profile can check.
 */
public enum ProgramProfile {

	RESIDENCY("residency", EnumSet.of(Section.BASIC, Section.CONTACT, Section.EDUCATION, Section.WORK)),
	TCM_RESIDENCY("tcm-residency", EnumSet.of(Section.BASIC, Section.CONTACT, Section.EDUCATION, Section.PRACTICE)),
	COUNTY_BACKBONE("county-backbone", EnumSet.of(Section.BASIC, Section.CONTACT, Section.EDUCATION, Section.WORK)),
	QUALIFICATION_EXAM("qualification-exam",
			EnumSet.of(Section.BASIC, Section.CONTACT, Section.EDUCATION, Section.WORK, Section.PRACTICE));

	/** The profile's sections, each a page of its own. */
	public enum Section {

		BASIC("basic"), CONTACT("contact"), EDUCATION("education"), WORK("work"), PRACTICE("practice"),
		DOCUMENTS("documents");

		private final String path;

		Section(String path) {
			this.path = path;
		}

		public String link() {
			return "/profile/" + path;
		}

		public String messageKey() {
			return "profile.section." + path;
		}
	}

	private final String code;
	private final Set<Section> sections;

	ProgramProfile(String code, Set<Section> sections) {
		this.code = code;
		this.sections = sections;
	}

	public String code() {
		return code;
	}

	public Set<Section> sections() {
		return sections;
	}

	public static ProgramProfile ofCode(String code) {
		for (ProgramProfile program : values()) {
			if (program.code.equals(code)) {
				return program;
			}
		}
		throw new IllegalArgumentException("unknown program " + code);
	}
}
