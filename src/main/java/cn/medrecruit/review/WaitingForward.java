package cn.medrecruit.review;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.CurrentUser;

/**
 * Sends a request approved at a stage that forwards by summary (WAITING) on to the next stage that has a holder: the
 * one step 汇总提交 takes for each request of a summary and 批量提交 for each chosen one. The caller holds the request's
 * lock and writes the tally changes, once per transaction.
 */
@Component
class WaitingForward {

	private final ReviewStore store;
	private final ApplicationEventPublisher events;

	WaitingForward(ReviewStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	/**
	 * @param action the log line's action: {@link ReviewAction#SUMMARY} or {@link ReviewAction#SUBMIT}
	 * @param log the request's log as read under its lock, for the tallies
	 * @return the log line written
	 */
	ReviewDecision forward(ReviewRequest request, ReviewAction action, CurrentUser reviewer, Instant now,
			List<ReviewDecision> log, ReviewTallies.Changes changes) {
		List<RouteStage> route = store.route(request.id(), request.round());
		RouteStage stage = route.stream()
			.filter(candidate -> candidate.stageIndex() == request.stageIndex())
			.findFirst()
			.orElseThrow();
		RouteStage next = route.stream()
			.filter(candidate -> candidate.stageIndex() > stage.stageIndex() && !candidate.skipped())
			.findFirst()
			.orElseThrow();
		ReviewDecision line = store.insertDecision(request.id(), request.round(), stage, action, null, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		ReviewState moved = request.state().forwardBySummary();
		store.move(request.id(), moved, next, now);
		ReviewTallies.Facts before = new ReviewTallies.Facts(request.id(), request.state(),
				request.holderInstitutionId(), log);
		changes.add(before, before.then(request.id(), moved, next.holderInstitutionId(), line));
		events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), request.id(),
				request.applicant(), next.stageIndex(), next.level(), next.holderInstitutionId(), true));
		return line;
	}
}
