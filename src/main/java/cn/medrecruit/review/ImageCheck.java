package cn.medrecruit.review;

import java.time.Instant;

/** A reviewer's answer to 与原件一致 for one evidence image at one stage of one round. */
public record ImageCheck(long fileId, int round, int stageIndex, boolean consistent, String reason, String actor,
		Instant at) {
}
