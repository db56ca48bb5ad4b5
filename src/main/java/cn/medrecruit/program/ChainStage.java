package cn.medrecruit.program;

/**
 * One review stage of a batch, in chain order from 0; its window is empty until the province sets it.
 *
 * @param bySummary whether approvals here wait for the holder's 汇总提交, or null for the default (the 考点 level);
 *        read it through {@link BatchView#forwardsBySummary(int)}
 * @param imagesRequired whether the stage approves only when every evidence image is answered 与原件一致 = 是, or null
 *        for the default (the last stage); read it through {@link BatchView#requiresAllImages(int)}
 * @param reentry whether a returned and resubmitted application re-enters the chain here (at most one stage; none:
 *        the first)
 */
public record ChainStage(int index, StageLevel level, OnReject onReject, Window window, Boolean bySummary,
		Boolean imagesRequired, boolean reentry) {

	/** A stage with the default review rules. */
	public ChainStage(int index, StageLevel level, OnReject onReject, Window window) {
		this(index, level, onReject, window, null, null, false);
	}

	ChainStage withOnReject(OnReject outcome) {
		return new ChainStage(index, level, outcome, window, bySummary, imagesRequired, reentry);
	}

	ChainStage withRules(boolean summary, boolean images, boolean entry) {
		return new ChainStage(index, level, onReject, window, summary, images, entry);
	}
}
