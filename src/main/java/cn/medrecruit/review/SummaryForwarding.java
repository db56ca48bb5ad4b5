package cn.medrecruit.review;

import cn.medrecruit.program.StageLevel;

/**
 * Which stages forward by summary submission (汇总提交) instead of each approval moving on at once. The batch's chain
 * does not say it yet, so the engine's default applies per level: the 考点 hands its approved requests to the 考区 in
 * summaries (001's role table). The answer is written on each round's route, so a request in flight keeps its rule.
 */
final class SummaryForwarding {

	private SummaryForwarding() {
	}

	static boolean bySummary(StageLevel level) {
		return level == StageLevel.EXAM_SITE;
	}
}
