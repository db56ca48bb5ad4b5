package cn.medrecruit.review;

/** What a request is about; the module that owns that kind of subject implements {@link ReviewSubjects} for it. */
public enum RequestKind {

	APPLICATION;

	public String messageKey() {
		return "review.kind." + name();
	}
}
