package cn.medrecruit.program;

/** Where a base's plan declaration for a batch stands: 已申报, 已通过, 已退回. */
public enum PlanStatus {

	DECLARED, APPROVED, RETURNED;

	public String messageKey() {
		return "plan.status." + name();
	}
}
