package cn.medrecruit.program;

import java.util.List;
import java.util.Optional;

/** The four built-in programs, each a template with its default review chain and person types. */
public enum Program {

	COUNTY_BACKBONE("county-backbone",
			List.of(new Stage(StageLevel.COUNTY, OnReject.RETURNS), new Stage(StageLevel.CITY, OnReject.RETURNS),
					new Stage(StageLevel.PROVINCE, OnReject.ENDS)),
			List.of(PersonType.DISCIPLINE_LEADER, PersonType.TECHNICAL_BACKBONE,
					PersonType.COUNTY_BACKBONE_SPECIALIST)),
	QUALIFICATION_EXAM("qualification-exam",
			List.of(new Stage(StageLevel.UNIT, OnReject.RETURNS),
					new Stage(StageLevel.REGISTRATION_POINT, OnReject.RETURNS),
					new Stage(StageLevel.EXAM_SITE, OnReject.RETURNS), new Stage(StageLevel.EXAM_AREA, OnReject.ENDS)),
			List.of(PersonType.EMPLOYED)),
	RESIDENCY("residency", List.of(new Stage(StageLevel.FIRST_CHOICE_BASE, OnReject.RETURNS)),
			List.of(PersonType.OWN_RESIDENT, PersonType.SOCIAL_RECRUIT, PersonType.COMMISSIONED,
					PersonType.JOINT_MASTER)),
	TCM_RESIDENCY("tcm-residency", List.of(new Stage(StageLevel.FIRST_CHOICE_BASE, OnReject.RETURNS)),
			List.of(PersonType.OWN_RESIDENT, PersonType.SOCIAL_RECRUIT, PersonType.COMMISSIONED,
					PersonType.JOINT_MASTER));

	/** One stage of a default chain. */
	public record Stage(StageLevel level, OnReject onReject) {
	}

	private final String code;
	private final List<Stage> defaultChain;
	private final List<PersonType> personTypes;

	Program(String code, List<Stage> defaultChain, List<PersonType> personTypes) {
		this.code = code;
		this.defaultChain = defaultChain;
		this.personTypes = personTypes;
	}

	public String code() {
		return code;
	}

	public String messageKey() {
		return "program." + code;
	}

	public List<Stage> defaultChain() {
		return defaultChain;
	}

	public List<PersonType> personTypes() {
		return personTypes;
	}

	/** Whether the specialty catalogue is a tree (level → qualification → category → scope → specialty). */
	public boolean treeCatalogue() {
		return this == QUALIFICATION_EXAM;
	}

	/** Whether the province grants each city places per specialty (名额, 000 3.1.2) that submits take from. */
	public boolean usesCityQuotas() {
		return this == COUNTY_BACKBONE;
	}

	public static Optional<Program> ofCode(String code) {
		for (Program program : values()) {
			if (program.code.equals(code)) {
				return Optional.of(program);
			}
		}
		return Optional.empty();
	}
}
