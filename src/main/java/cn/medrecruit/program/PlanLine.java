package cn.medrecruit.program;

/**
 * An approved plan of one base for one specialty of a batch: 招收计划数 and 已报名人数, as the wizard shows them.
 */
public record PlanLine(long baseId, String baseName, long specialtyId, int places, int appliedCount) {

	/** Places not yet applied for; never negative (applications may outnumber places). */
	public int remaining() {
		return Math.max(0, places - appliedCount);
	}
}
