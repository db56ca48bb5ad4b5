package cn.medrecruit.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.medrecruit.organization.ReviewRouting;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.ChainStage;
import cn.medrecruit.shared.InputRejected;

/** Lays out a request's route: the holder of each stage of the batch's chain for this applicant. */
@Component
class ReviewRouter {

	private final ReviewRouting routing;

	ReviewRouter(ReviewRouting routing) {
		this.routing = routing;
	}

	/**
	 * Every stage of the chain with its holder, or none when the level does not apply to this applicant (a city
	 * hospital has no county bureau, an applicant without a unit has no unit review). When no stage has a holder, the
	 * last stage goes to the province so that somebody reviews the request.
	 */
	List<RouteStage> route(BatchView batch, Long unitId, Long firstChoiceBaseId) {
		// the unit's and the base's holders in one read
		List<Long> ids = new ArrayList<>();
		if (unitId != null) {
			ids.add(unitId);
		}
		if (firstChoiceBaseId != null && !firstChoiceBaseId.equals(unitId)) {
			ids.add(firstChoiceBaseId);
		}
		Map<Long, ReviewRouting.Holders> holders = routing.holdersFor(ids);
		Optional<ReviewRouting.Holders> unit = unitId == null ? Optional.empty() : Optional.ofNullable(holders.get(unitId));
		Optional<ReviewRouting.Holders> base = firstChoiceBaseId == null ? Optional.empty()
				: Optional.ofNullable(holders.get(firstChoiceBaseId));
		// the province is everyone's; an applicant without a unit reaches it through the first-choice base
		Long province = unit.map(ReviewRouting.Holders::province)
			.or(() -> base.map(ReviewRouting.Holders::province))
			.orElse(null);
		List<RouteStage> route = new ArrayList<>();
		for (ChainStage stage : batch.chain()) {
			route.add(new RouteStage(stage.index(), stage.level(), stage.onReject(),
					holder(stage, unit.orElse(null), province, firstChoiceBaseId)));
		}
		if (route.stream().allMatch(RouteStage::skipped)) {
			if (province == null || route.isEmpty()) {
				throw new InputRejected("review", "review.refused.no-route");
			}
			RouteStage last = route.remove(route.size() - 1);
			route.add(new RouteStage(last.stageIndex(), last.level(), last.onReject(), province));
		}
		return route;
	}

	/**
	 * The rules of each stage of a round's route, as the batch sets them: which stages forward by 汇总提交 and which
	 * approve only when every evidence image is answered 是. When no stage this applicant passes requires every image
	 * (the one that does is skipped for them), the last stage they pass does, so each round has a full check.
	 */
	record Rules(Set<Integer> bySummary, Set<Integer> allImages) {
	}

	Rules rules(BatchView batch, List<RouteStage> route) {
		Set<Integer> bySummary = new HashSet<>();
		Set<Integer> allImages = new HashSet<>();
		Integer lastHeld = null;
		for (RouteStage stage : route) {
			if (batch.forwardsBySummary(stage.stageIndex())) {
				bySummary.add(stage.stageIndex());
			}
			if (!stage.skipped()) {
				lastHeld = stage.stageIndex();
				if (batch.requiresAllImages(stage.stageIndex())) {
					allImages.add(stage.stageIndex());
				}
			}
		}
		if (allImages.isEmpty() && lastHeld != null) {
			allImages.add(lastHeld);
		}
		return new Rules(bySummary, allImages);
	}

	private static Long holder(ChainStage stage, ReviewRouting.Holders unit, Long province, Long base) {
		switch (stage.level()) {
			case FIRST_CHOICE_BASE:
				return base;
			case PROVINCE:
				return province;
			default:
				break;
		}
		if (unit == null) {
			return null;
		}
		switch (stage.level()) {
			case UNIT:
				return unit.unit();
			case COUNTY:
				return unit.county();
			case CITY:
				return unit.city();
			case REGISTRATION_POINT:
				return unit.registrationPoint();
			case EXAM_SITE:
				return unit.examSite();
			case EXAM_AREA:
				return unit.examArea();
			default:
				return null;
		}
	}
}
