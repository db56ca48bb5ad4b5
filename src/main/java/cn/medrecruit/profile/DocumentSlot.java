package cn.medrecruit.profile;

/**
 * The typed places for evidence images (001 考生操作手册 五–六). Some hold one file, some one per education record,
 * the rest several; the 其他 categories carry a note each.
 */
public enum DocumentSlot {

	PHOTO(Holds.ONE, false, false), ID_FRONT(Holds.ONE, false, false), ID_BACK(Holds.ONE, false, false),
	DIPLOMA(Holds.ONE_PER_EDUCATION, true, false), DEGREE_CERTIFICATE(Holds.ONE_PER_EDUCATION, true, false),
	PHYSICIAN_QUALIFICATION(Holds.SEVERAL, true, false), PRACTICE_CERTIFICATE(Holds.SEVERAL, true, false),
	PRACTICE_CHANGE(Holds.SEVERAL, true, false), NURSE_CERTIFICATE(Holds.SEVERAL, true, false),
	TITLE_CERTIFICATE(Holds.SEVERAL, true, false), APPOINTMENT_LETTER(Holds.SEVERAL, true, false),
	RESIDENCY_CERTIFICATE(Holds.SEVERAL, true, false), GP_CERTIFICATE(Holds.SEVERAL, true, false),
	OTHER_TRANSFER(Holds.SEVERAL, true, true), OTHER_COMMUNITY_SERVICE(Holds.SEVERAL, true, true),
	OTHER_DEGREE_VERIFICATION(Holds.SEVERAL, true, true), OTHER_SOCIAL_SECURITY(Holds.SEVERAL, true, true),
	OTHER_NAME_CHANGE(Holds.SEVERAL, true, true), OTHER_DEMOBILIZATION(Holds.SEVERAL, true, true),
	OTHER_ARCHIVE_CUSTODY(Holds.SEVERAL, true, true), OTHER(Holds.SEVERAL, true, true);

	enum Holds {
		ONE, ONE_PER_EDUCATION, SEVERAL
	}

	private final Holds holds;
	private final boolean pdfAllowed;
	private final boolean noted;

	DocumentSlot(Holds holds, boolean pdfAllowed, boolean noted) {
		this.holds = holds;
		this.pdfAllowed = pdfAllowed;
		this.noted = noted;
	}

	Holds holds() {
		return holds;
	}

	/** Holds one file (or one per education record): a new upload replaces it. */
	public boolean single() {
		return holds != Holds.SEVERAL;
	}

	public boolean perEducation() {
		return holds == Holds.ONE_PER_EDUCATION;
	}

	public boolean pdfAllowed() {
		return pdfAllowed;
	}

	/** The 其他 categories: each file comes with a note explaining it. */
	public boolean noted() {
		return noted;
	}

	public String messageKey() {
		return "document-slot." + name();
	}

	public String hintKey() {
		return "document-slot.hint." + name();
	}
}
