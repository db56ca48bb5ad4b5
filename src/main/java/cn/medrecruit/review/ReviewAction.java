package cn.medrecruit.review;

/**
 * One line of a request's log: a reviewer's decision, a skipped stage, a withdrawal, a resubmission, a cancel, a
 * summary submission or a cross-review assignment.
 */
public enum ReviewAction {

	APPROVE, REJECT, RETURN, WITHDRAW, SKIP, RESUBMIT, CANCEL,
	/** 汇总提交: forwarded to the next stage by its holder's summary submission. */
	SUMMARY,
	/** 分配交叉审核: the stage handed to a peer institution. */
	ASSIGN,
	/** 批量提交: submitted on to the next stage at once, without waiting for the stage's 汇总提交. */
	SUBMIT;

	public String messageKey() {
		return "review.action." + name();
	}
}
