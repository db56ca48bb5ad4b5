package cn.medrecruit.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.InstitutionLookup;
import cn.medrecruit.identity.ReviewerPresence;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.OnReject;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * The review engine's public face. Every decision runs in one transaction that locks the request row, checks the
 * version the reviewer saw, the holder, the state and the stage's window, writes a new log line (lines are never
 * changed), moves the request and publishes the outcome for the subject's module. Refusals are {@link InputRejected}
 * with a {@code review.refused.*} key.
 */
@Service
public class Reviews {

	static final int OPINION_LIMIT = 200;

	private final ReviewStore store;
	private final ReviewRouter router;
	private final Batches batches;
	private final Map<RequestKind, ReviewSubjects> subjects;
	private final InstitutionLookup institutions;
	private final ReviewerPresence presence;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Texts texts;
	private final Clock clock;

	Reviews(ReviewStore store, ReviewRouter router, Batches batches, List<ReviewSubjects> subjects,
			InstitutionLookup institutions, ReviewerPresence presence, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Texts texts, Clock clock) {
		this.store = store;
		this.router = router;
		this.batches = batches;
		this.subjects = subjects.stream().collect(Collectors.toMap(ReviewSubjects::kind, Function.identity()));
		this.institutions = institutions;
		this.presence = presence;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.texts = texts;
		this.clock = clock;
	}

	// ------------------------------------------------------------------------------------------ opening

	/**
	 * Opens the request at the first stage of its route (stages nobody holds for this applicant are logged as
	 * skipped). A request that was returned is resubmitted: a new round with a fresh route, from the stage the batch
	 * sets for re-entry (the first by default), or from the stage that returned it when that one comes earlier; the
	 * stages before it are logged as skipped with the earlier round's result carried over. Opening a request that is
	 * already pending changes nothing (a replayed submit).
	 *
	 * @return the request's id
	 */
	@Transactional
	public long open(NewRequest request, Actor actor) {
		return open(request, batches.find(request.batchId())
			.orElseThrow(() -> new InputRejected("batch", "review.refused.no-route")), actor);
	}

	/** The same with the request's batch as the caller has just read it (the submit), so it is not read twice. */
	@Transactional
	public long open(NewRequest request, BatchView batch, Actor actor) {
		if (!batch.id().equals(request.batchId())) {
			throw new IllegalArgumentException("request of batch " + request.batchId() + " opened with " + batch.id());
		}
		List<RouteStage> route = router.route(batch, request.unitInstitutionId(), request.firstChoiceBaseId());
		RouteStage first = route.stream().filter(stage -> !stage.skipped()).findFirst().orElseThrow();
		Instant now = clock.instant();
		Optional<ReviewRequest> existing = store.lockFor(request.kind(), request.subjectId());
		long id;
		int round;
		RouteStage entered = first;
		if (existing.isEmpty()) {
			id = store.insert(request, first, now);
			round = 1;
		}
		else {
			ReviewRequest found = existing.get();
			if (found.state() == ReviewState.PENDING) {
				return found.id();
			}
			found.state().resubmit();
			id = found.id();
			round = found.round() + 1;
			entered = reentry(batch, route, found, first);
			store.resubmit(id, request, round, entered, now);
			store.insertDecision(id, round, entered, ReviewAction.RESUBMIT, null, null, request.applicant().value(),
					actor.loginName(), now);
		}
		store.insertRoute(id, round, route, router.rules(batch, route));
		for (RouteStage stage : route) {
			if (stage.skipped()) {
				store.insertDecision(id, round, stage, ReviewAction.SKIP, null, null, null, "system", now);
			}
			else if (stage.stageIndex() < entered.stageIndex()) {
				store.insertDecision(id, round, stage, ReviewAction.SKIP, texts.get("review.reentry.carried"), null,
						null, "system", now);
			}
		}
		events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), id, request.applicant(),
				entered.stageIndex(), entered.level(), entered.holderInstitutionId(), false));
		events.publishEvent(AuditEvent.success("REVIEW_OPENED", "review:" + id,
				request.kind().name() + ":" + request.subjectId() + " round " + round).by(actor.loginName()));
		return id;
	}

	/**
	 * Where a resubmission enters: after a return, the batch's re-entry stage or the returning stage, whichever comes
	 * first, or the next stage this applicant has a holder for; after a cancel, the first stage.
	 */
	private static RouteStage reentry(BatchView batch, List<RouteStage> route, ReviewRequest previous,
			RouteStage first) {
		if (previous.state() != ReviewState.RETURNED) {
			return first;
		}
		int from = Math.min(batch.reentryStage(), previous.stageIndex());
		return route.stream()
			.filter(stage -> !stage.skipped() && stage.stageIndex() >= from)
			.findFirst()
			.orElse(first);
	}

	/**
	 * The applicant takes the request back (取消报名): only while no reviewer has decided on it in any round, checked
	 * with the request row locked, so a decision and a cancel never both succeed. No request: nothing to do.
	 */
	@Transactional
	public void cancel(RequestKind kind, long subjectId, Actor actor) {
		Optional<ReviewRequest> found = store.lockFor(kind, subjectId);
		if (found.isEmpty()) {
			return;
		}
		ReviewRequest request = found.get();
		if (store.anyDecision(request.id())) {
			throw new InputRejected("id", "review.refused.cancel-reviewed");
		}
		ReviewState next = request.state().cancel();
		Instant now = clock.instant();
		RouteStage stage = store.route(request.id(), request.round())
			.stream()
			.filter(candidate -> candidate.stageIndex() == request.stageIndex())
			.findFirst()
			.orElseThrow();
		store.insertDecision(request.id(), request.round(), stage, ReviewAction.CANCEL, null, null,
				request.applicant().value(), actor.loginName(), now);
		store.setState(request.id(), next, now);
		events.publishEvent(AuditEvent.success("REVIEW_CANCELLED", "review:" + request.id(),
				kind.name() + ":" + subjectId).by(actor.loginName()));
	}

	// ------------------------------------------------------------------------------------------ decisions

	/** 审核通过: on to the next stage that has a holder, or approved finally at the last. */
	@Transactional
	public void approve(CurrentUser reviewer, long requestId, int version, String opinion) {
		approveOne(reviewer, requestId, version, opinion);
	}

	/** 审核不通过 with a reason: ends the request or returns it, as the stage says. */
	@Transactional
	public void reject(CurrentUser reviewer, long requestId, int version, String reason) {
		String why = required(reason);
		Locked locked = lockForDecision(reviewer, requestId, version);
		RouteStage stage = locked.stage();
		ReviewState next = locked.request().state().reject(stage.onReject());
		Instant now = clock.instant();
		store.insertDecision(requestId, locked.request().round(), stage, ReviewAction.REJECT, why, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		store.setState(requestId, next, now);
		ReviewRequest r = locked.request();
		if (stage.onReject() == OnReject.RETURNS) {
			events.publishEvent(new RequestReturned(r.kind(), r.subjectId(), r.id(), r.applicant(), stage.level(), why,
					reviewer.loginName()));
		}
		else {
			events.publishEvent(new RequestRejected(r.kind(), r.subjectId(), r.id(), r.applicant(), stage.level(), why,
					reviewer.loginName()));
		}
		audit("REVIEW_REJECTED", r, reviewer, stage);
	}

	/** 退回修改 with a reason: back to the applicant, who edits and resubmits. */
	@Transactional
	public void returnForChanges(CurrentUser reviewer, long requestId, int version, String reason) {
		String why = required(reason);
		Locked locked = lockForDecision(reviewer, requestId, version);
		RouteStage stage = locked.stage();
		ReviewState next = locked.request().state().returnForChanges();
		Instant now = clock.instant();
		store.insertDecision(requestId, locked.request().round(), stage, ReviewAction.RETURN, why, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		store.setState(requestId, next, now);
		ReviewRequest r = locked.request();
		events.publishEvent(new RequestReturned(r.kind(), r.subjectId(), r.id(), r.applicant(), stage.level(), why,
				reviewer.loginName()));
		audit("REVIEW_RETURNED", r, reviewer, stage);
	}

	/** The answer for one item of a batch approval: done, or the refusal's message key. */
	public record ItemResult(long requestId, String applicantName, boolean approved, String messageKey) {
	}

	/**
	 * 批量审核通过: each item in a transaction of its own, with every rule of a single approval (the image checks
	 * included), so one refused item does not hold back the others.
	 *
	 * @param versions the version of each request as the reviewer saw it, by request id
	 */
	public List<ItemResult> approveMany(CurrentUser reviewer, Map<Long, Integer> versions, String opinion) {
		List<ItemResult> results = new ArrayList<>();
		for (Map.Entry<Long, Integer> item : versions.entrySet()) {
			String name = store.find(item.getKey()).map(ReviewRequest::applicantName).orElse("");
			try {
				transactions.executeWithoutResult(
						status -> approveOne(reviewer, item.getKey(), item.getValue(), opinion));
				results.add(new ItemResult(item.getKey(), name, true, "review.approved"));
			}
			catch (InputRejected refused) {
				results.add(new ItemResult(item.getKey(), name, false, refused.messageKey()));
			}
		}
		return results;
	}

	/**
	 * 撤办: takes back an approval while the request is not final and the next stage has not acted (or while it waits
	 * for its stage's summary submission), or a return while the applicant has not resubmitted; the request waits at
	 * the deciding stage again and the log keeps both lines.
	 */
	@Transactional
	public void withdraw(CurrentUser reviewer, long decisionId) {
		ReviewDecision decision = store.decision(decisionId)
			.filter(found -> reviewer.institutionId() != null
					&& reviewer.institutionId().equals(found.holderInstitutionId()))
			.orElseThrow(() -> new InputRejected("decision", "review.refused.missing"));
		ReviewRequest request = store.lock(decision.requestId()).orElseThrow();
		ReviewDecision current = store.decision(decisionId).orElseThrow();
		String refusal = withdrawRefusal(current, request.state(), request.round(), request.stageIndex());
		if (refusal != null) {
			throw new InputRejected("decision", refusal);
		}
		Instant now = clock.instant();
		if (!batches.reviewOpen(request.batchId(), current.stageIndex(), now)) {
			throw new InputRejected("decision", "review.refused.window");
		}
		RouteStage stage = store.route(request.id(), request.round())
			.stream()
			.filter(candidate -> candidate.stageIndex() == current.stageIndex())
			.findFirst()
			.orElseThrow();
		request.state().withdraw();
		store.insertDecision(request.id(), request.round(), stage, ReviewAction.WITHDRAW, null, decisionId,
				reviewer.getAccountId(), reviewer.loginName(), now);
		store.move(request.id(), ReviewState.PENDING, stage, now);
		events.publishEvent(new DecisionWithdrawn(request.kind(), request.subjectId(), request.id(),
				request.applicant(), stage.stageIndex(), stage.level(), current.action(), reviewer.loginName()));
		events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), request.id(),
				request.applicant(), stage.stageIndex(), stage.level(), stage.holderInstitutionId(), true));
		audit("REVIEW_WITHDRAWN", request, reviewer, stage);
	}

	// ------------------------------------------------------------------------------------------ checks, corrections

	/** 与原件一致 是/否 for one evidence image at the current stage; a 否 needs a reason. */
	@Transactional
	public void checkImage(CurrentUser reviewer, long requestId, long fileId, boolean consistent, String reason) {
		String why = consistent ? null : required(reason);
		ReviewRequest request = holding(reviewer, requestId);
		ReviewSubject subject = subject(request);
		if (subject.evidence().stream().noneMatch(evidence -> evidence.fileId() == fileId)) {
			throw new InputRejected("fileId", "review.refused.missing");
		}
		store.insertCheck(requestId, request.round(), request.stageIndex(), fileId, consistent, why,
				reviewer.getAccountId(), reviewer.loginName(), clock.instant());
		events.publishEvent(AuditEvent.success("REVIEW_IMAGE_CHECKED", "review:" + requestId,
				"file:" + fileId + (consistent ? " consistent" : " inconsistent")).by(reviewer.loginName()));
	}

	/** A reviewer's correction of a text field: the old value, the new one, who and why are kept. */
	@Transactional
	public void correct(CurrentUser reviewer, long requestId, int version, String fieldKey, String newValue,
			String reason) {
		String why = required(reason);
		Locked locked = lockForDecision(reviewer, requestId, version);
		ReviewRequest request = locked.request();
		ReviewSubject.Field field = subject(request).fields()
			.stream()
			.filter(candidate -> candidate.key().equals(fieldKey) && candidate.correctable())
			.findFirst()
			.orElseThrow(() -> new InputRejected("field", "review.refused.field"));
		String value = newValue == null ? "" : newValue.strip();
		if (value.equals(field.value() == null ? "" : field.value())) {
			throw new InputRejected("value", "review.refused.unchanged");
		}
		subjects.get(request.kind()).correct(request.subjectId(), fieldKey, value, reviewer);
		Instant now = clock.instant();
		store.insertCorrection(requestId, request.round(), locked.stage(), fieldKey, field.label(), field.value(),
				value, why, reviewer.getAccountId(), reviewer.loginName(), now);
		store.touch(requestId, now);
		events.publishEvent(AuditEvent.success("REVIEW_CORRECTED", "review:" + requestId, "field:" + fieldKey)
			.by(reviewer.loginName()));
	}

	// ------------------------------------------------------------------------------------------ reading

	@Transactional(readOnly = true)
	public Optional<ReviewRequest> find(RequestKind kind, long subjectId) {
		return store.findFor(kind, subjectId);
	}

	/** Whether any reviewer decided on the subject's request: a subject's owner may cancel only before that. */
	@Transactional(readOnly = true)
	public boolean anyDecision(RequestKind kind, long subjectId) {
		return store.findFor(kind, subjectId).map(request -> store.anyDecision(request.id())).orElse(false);
	}

	/** The reviewer's 待审 list: what their institution holds now. */
	@Transactional(readOnly = true)
	public InboxPage inbox(CurrentUser reviewer, InboxQuery query) {
		if (reviewer.institutionId() == null) {
			return new InboxPage(List.of(), null);
		}
		List<ReviewRequest> rows = store.inbox(reviewer.institutionId(), query, clock.getZone(),
				InboxQuery.PAGE_SIZE + 1);
		return page(rows, query);
	}

	/** The batches the reviewer's institution has pending items of, newest first. */
	@Transactional(readOnly = true)
	public List<Long> pendingBatches(CurrentUser reviewer) {
		return reviewer.institutionId() == null ? List.of() : store.pendingBatches(reviewer.institutionId());
	}

	/** The read-only search over the reviewer's subtree (the applicants whose unit lies in it). */
	@Transactional(readOnly = true)
	public InboxPage area(CurrentUser reviewer, ReviewState state, InboxQuery query) {
		if (reviewer.getScopePath() == null) {
			return new InboxPage(List.of(), null);
		}
		return page(store.inArea(reviewer.getScopePath(), state, query, clock.getZone(), InboxQuery.PAGE_SIZE + 1),
				query);
	}

	private static InboxPage page(List<ReviewRequest> rows, InboxQuery query) {
		if (rows.size() <= InboxQuery.PAGE_SIZE) {
			return new InboxPage(rows, null);
		}
		List<ReviewRequest> shown = rows.subList(0, InboxQuery.PAGE_SIZE);
		ReviewRequest last = shown.get(shown.size() - 1);
		return new InboxPage(List.copyOf(shown), query.after(last.submittedAt(), last.id()));
	}

	/**
	 * The reviewer's counts: pending now, decided by their institution, returned or rejected by a later stage, and
	 * per decision of their institution (withdrawn ones left out): approved, rejected, returned; waiting for its
	 * summary submission.
	 */
	public record Counts(int pending, int decided, int returnedLater, int approved, int rejected, int returned,
			int waiting) {
	}

	@Transactional(readOnly = true)
	public Counts counts(CurrentUser reviewer) {
		Long institution = reviewer.institutionId();
		if (institution == null) {
			return new Counts(0, 0, 0, 0, 0, 0, 0);
		}
		Map<ReviewAction, Integer> decided = store.decidedPerAction(institution);
		return new Counts(store.countPending(institution), store.countDecidedBy(institution),
				store.returnedLater(institution, Instant.EPOCH), decided.getOrDefault(ReviewAction.APPROVE, 0),
				decided.getOrDefault(ReviewAction.REJECT, 0), decided.getOrDefault(ReviewAction.RETURN, 0),
				store.waitingPerBatch(institution).values().stream().mapToInt(Integer::intValue).sum());
	}

	/** One line of 已审, and whether 撤办 is possible now. */
	public record DecidedRow(ReviewDecision decision, String applicantName, String referenceNumber, ReviewState state,
			boolean withdrawable) {
	}

	@Transactional(readOnly = true)
	public List<DecidedRow> decided(CurrentUser reviewer, Long beforeId) {
		if (reviewer.institutionId() == null) {
			return List.of();
		}
		return store.decidedBy(reviewer.institutionId(), beforeId, InboxQuery.PAGE_SIZE)
			.stream()
			.map(row -> new DecidedRow(row.decision(), row.applicantName(), row.referenceNumber(), row.state(),
					withdrawable(row)))
			.toList();
	}

	private boolean withdrawable(ReviewStore.Decided row) {
		return withdrawRefusal(row.decision(), row.state(), row.currentRound(), row.currentStage()) == null;
	}

	/**
	 * Why 撤办 of the decision is refused now, or null. An approval may be taken back while the request waits for
	 * its stage's summary submission, or while it is pending further on in the same round and no later stage has
	 * acted, unless its stage forwarded it by summary submission (the summary is final).
	 */
	private String withdrawRefusal(ReviewDecision d, ReviewState state, int round, int stageIndex) {
		if (d.withdrawn() || round != d.round()) {
			return "review.refused.withdraw-state";
		}
		if (d.action() == ReviewAction.RETURN || d.action() == ReviewAction.REJECT) {
			return returnWithdrawRefusal(state, stageIndex == d.stageIndex());
		}
		if (d.action() != ReviewAction.APPROVE) {
			return "review.refused.withdraw-state";
		}
		if (state == ReviewState.WAITING && stageIndex == d.stageIndex()) {
			return null;
		}
		if (state != ReviewState.PENDING || stageIndex <= d.stageIndex()) {
			return "review.refused.withdraw-state";
		}
		if (store.forwardsBySummary(d.requestId(), d.round(), d.stageIndex())) {
			return "review.refused.withdraw-summarized";
		}
		if (store.laterDecisions(d.requestId(), d.round(), d.stageIndex()) > 0) {
			return "review.refused.withdraw-acted";
		}
		return null;
	}

	/**
	 * A return (or a rejection that returns) may be taken back while the applicant has not resubmitted: the round
	 * is the same and the request is still back with them. A final rejection has given the applicant's places back
	 * and stays.
	 */
	private static String returnWithdrawRefusal(ReviewState state, boolean sameStage) {
		if (state == ReviewState.RETURNED && sameStage) {
			return null;
		}
		return state == ReviewState.REJECTED ? "review.refused.withdraw-final" : "review.refused.withdraw-state";
	}

	/** Everything the detail page shows, for a reviewer whose institution holds or held the request. */
	public record ReviewDetail(ReviewRequest request, ReviewSubject subject, List<RouteStage> route,
			List<ReviewDecision> decisions, List<Correction> corrections, List<ImageCheck> checks,
			Map<Long, ImageCheck> currentChecks, Map<Long, String> institutionNames, boolean mayAct,
			boolean windowOpen, boolean lastStage) {

		public String nameOf(Long institution) {
			return institution == null ? "" : institutionNames.getOrDefault(institution, "");
		}
	}

	/**
	 * The request for a reviewer who may see it: their institution holds it, decided on it, or has the applicant's
	 * unit in its subtree. Empty otherwise, as if it did not exist.
	 */
	// not read-only: the subject's module may create a missing row on reading (the applicant profile does)
	@Transactional
	public Optional<ReviewDetail> detail(CurrentUser reviewer, long requestId) {
		return store.find(requestId).filter(request -> maySee(reviewer, request)).map(request -> {
			List<RouteStage> route = store.route(request.id(), request.round());
			List<ReviewDecision> decisions = store.decisions(request.id());
			List<Correction> corrections = store.corrections(request.id());
			List<ImageCheck> checks = store.checks(request.id());
			Set<Long> ids = new HashSet<>();
			route.forEach(stage -> {
				if (stage.holderInstitutionId() != null) {
					ids.add(stage.holderInstitutionId());
				}
			});
			decisions.forEach(decision -> {
				if (decision.holderInstitutionId() != null) {
					ids.add(decision.holderInstitutionId());
				}
			});
			boolean mayAct = request.state() == ReviewState.PENDING && reviewer.institutionId() != null
					&& reviewer.institutionId() == request.holderInstitutionId();
			return new ReviewDetail(request, subject(request), route, decisions, corrections, checks,
					currentChecks(checks, request), institutions.namesOf(ids), mayAct,
					batches.reviewOpen(request.batchId(), request.stageIndex(), clock.instant()),
					lastStage(route, request.stageIndex()));
		});
	}

	/** The applicant's view: the route of the current round, every log line and every correction. */
	public record Progress(ReviewRequest request, List<RouteStage> route, List<ReviewDecision> decisions,
			List<Correction> corrections, Map<Long, String> institutionNames) {

		public String nameOf(Long institution) {
			return institution == null ? "" : institutionNames.getOrDefault(institution, "");
		}
	}

	@Transactional(readOnly = true)
	public Optional<Progress> progress(RequestKind kind, long subjectId) {
		return store.findFor(kind, subjectId).map(request -> {
			List<RouteStage> route = store.route(request.id(), request.round());
			List<ReviewDecision> decisions = store.decisions(request.id());
			Set<Long> ids = new HashSet<>();
			route.stream().map(RouteStage::holderInstitutionId).filter(id -> id != null).forEach(ids::add);
			decisions.stream().map(ReviewDecision::holderInstitutionId).filter(id -> id != null).forEach(ids::add);
			return new Progress(request, route, decisions, store.corrections(request.id()), institutions.namesOf(ids));
		});
	}

	/** A holder of pending requests that has no enabled staff account: nobody can review them. */
	public record Stuck(long institutionId, String name, int pending) {
	}

	@Transactional(readOnly = true)
	public List<Stuck> stuck() {
		Map<Long, Integer> pending = store.pendingPerHolder();
		Set<Long> staffed = presence.withEnabledStaff(pending.keySet());
		Map<Long, String> names = institutions.namesOf(pending.keySet());
		List<Stuck> stuck = new ArrayList<>();
		pending.forEach((holder, count) -> {
			if (!staffed.contains(holder)) {
				stuck.add(new Stuck(holder, names.getOrDefault(holder, String.valueOf(holder)), count));
			}
		});
		return stuck;
	}

	/** How many of the reviewer's institution's approvals a later stage returned or rejected since they last looked. */
	@Transactional(readOnly = true)
	public int returnedSinceSeen(CurrentUser reviewer) {
		if (reviewer.institutionId() == null) {
			return 0;
		}
		Instant since = store.noticeSeen(reviewer.getAccountId()).orElse(Instant.EPOCH);
		return store.returnedLater(reviewer.institutionId(), since);
	}

	@Transactional
	public void dismissReturned(CurrentUser reviewer) {
		store.markNoticeSeen(reviewer.getAccountId(), clock.instant());
	}

	// ------------------------------------------------------------------------------------------ helpers

	private record Locked(ReviewRequest request, RouteStage stage, List<RouteStage> route) {
	}

	private void approveOne(CurrentUser reviewer, long requestId, int version, String opinion) {
		String said = opinion == null || opinion.isBlank() ? texts.get("review.opinion.default") : limited(opinion.strip());
		Locked locked = lockForDecision(reviewer, requestId, version);
		ReviewRequest request = locked.request();
		RouteStage stage = locked.stage();
		boolean last = lastStage(locked.route(), stage.stageIndex());
		ReviewStore.StageRules rules = store.stageRules(requestId, request.round(), stage.stageIndex());
		checkImages(request, rules.allImages() != null ? rules.allImages() : last);
		Instant now = clock.instant();
		store.insertDecision(requestId, request.round(), stage, ReviewAction.APPROVE, said, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		if (last) {
			store.setState(requestId, request.state().approveFinally(), now);
			events.publishEvent(new RequestApproved(request.kind(), request.subjectId(), request.id(),
					request.applicant(), stage.level(), said, reviewer.loginName()));
		}
		else if (rules.bySummary()) {
			// moves on with its holder's next summary submission (汇总提交)
			store.setState(requestId, request.state().awaitSummary(), now);
		}
		else {
			RouteStage next = locked.route()
				.stream()
				.filter(candidate -> candidate.stageIndex() > stage.stageIndex() && !candidate.skipped())
				.findFirst()
				.orElseThrow();
			store.move(requestId, request.state().advance(), next, now);
			events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), request.id(),
					request.applicant(), next.stageIndex(), next.level(), next.holderInstitutionId(), true));
		}
		audit("REVIEW_APPROVED", request, reviewer, stage);
	}

	/**
	 * A 否 at this stage blocks approval everywhere; a stage the batch sets to require every image (by default the
	 * last) must also have answered 是 for every one.
	 */
	private void checkImages(ReviewRequest request, boolean allRequired) {
		Map<Long, ImageCheck> current = currentChecks(store.checks(request.id()), request);
		if (current.values().stream().anyMatch(check -> !check.consistent())) {
			throw new InputRejected("images", "review.refused.image-inconsistent");
		}
		if (allRequired && subject(request).evidence().stream().anyMatch(evidence -> !current.containsKey(evidence.fileId()))) {
			throw new InputRejected("images", "review.refused.images-unchecked");
		}
	}

	private static Map<Long, ImageCheck> currentChecks(List<ImageCheck> checks, ReviewRequest request) {
		Map<Long, ImageCheck> latest = new LinkedHashMap<>();
		checks.stream()
			.filter(check -> check.round() == request.round() && check.stageIndex() == request.stageIndex())
			.forEach(check -> latest.put(check.fileId(), check));
		return latest;
	}

	private static boolean lastStage(List<RouteStage> route, int stageIndex) {
		return route.stream().noneMatch(stage -> stage.stageIndex() > stageIndex && !stage.skipped());
	}

	/** Locks the request and checks, in this order: scope, version, state, holder, window. */
	private Locked lockForDecision(CurrentUser reviewer, long requestId, int version) {
		ReviewRequest request = store.lock(requestId)
			.filter(found -> maySee(reviewer, found))
			.orElseThrow(() -> new InputRejected("request", "review.refused.missing"));
		if (request.version() != version) {
			throw new InputRejected("version", "review.refused.stale");
		}
		if (request.state() != ReviewState.PENDING) {
			throw new InputRejected("state", "review.refused.state");
		}
		if (reviewer.institutionId() == null || reviewer.institutionId() != request.holderInstitutionId()) {
			throw new InputRejected("request", "review.refused.holder");
		}
		if (!batches.reviewOpen(request.batchId(), request.stageIndex(), clock.instant())) {
			throw new InputRejected("request", "review.refused.window");
		}
		List<RouteStage> route = store.route(requestId, request.round());
		RouteStage stage = route.stream()
			.filter(candidate -> candidate.stageIndex() == request.stageIndex())
			.findFirst()
			.orElseThrow();
		return new Locked(request, stage, route);
	}

	/** The request at the reviewer's institution now, pending, inside its window (for image checks). */
	private ReviewRequest holding(CurrentUser reviewer, long requestId) {
		ReviewRequest request = store.find(requestId)
			.filter(found -> maySee(reviewer, found))
			.orElseThrow(() -> new InputRejected("request", "review.refused.missing"));
		if (request.state() != ReviewState.PENDING) {
			throw new InputRejected("state", "review.refused.state");
		}
		if (reviewer.institutionId() == null || reviewer.institutionId() != request.holderInstitutionId()) {
			throw new InputRejected("request", "review.refused.holder");
		}
		if (!batches.reviewOpen(request.batchId(), request.stageIndex(), clock.instant())) {
			throw new InputRejected("request", "review.refused.window");
		}
		return request;
	}

	private boolean maySee(CurrentUser reviewer, ReviewRequest request) {
		if (!reviewer.isStaff() || reviewer.institutionId() == null) {
			return false;
		}
		String scope = reviewer.getScopePath();
		if (scope != null && request.unitPath() != null && request.unitPath().startsWith(scope)) {
			return true;
		}
		return store.heldBy(request.id(), reviewer.institutionId());
	}

	private ReviewSubject subject(ReviewRequest request) {
		ReviewSubjects source = subjects.get(request.kind());
		if (source == null) {
			throw new IllegalStateException("no subjects for " + request.kind());
		}
		return source.subject(request.subjectId())
			.orElseThrow(() -> new InputRejected("request", "review.refused.missing"));
	}

	private void audit(String action, ReviewRequest request, CurrentUser reviewer, RouteStage stage) {
		events.publishEvent(AuditEvent.success(action, "review:" + request.id(),
				request.kind().name() + ":" + request.subjectId() + " stage " + stage.stageIndex() + " "
						+ stage.level().name())
			.by(reviewer.loginName()));
	}

	private static String required(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InputRejected("reason", "review.validation.reason");
		}
		return limited(reason.strip());
	}

	private static String limited(String text) {
		if (text.length() > OPINION_LIMIT) {
			throw new InputRejected("reason", "review.validation.reason-length", OPINION_LIMIT);
		}
		return text;
	}

	static Map<Long, Integer> versions(List<String> items) {
		Map<Long, Integer> versions = new LinkedHashMap<>();
		for (String item : items) {
			String[] parts = item.split(":");
			if (parts.length == 2) {
				try {
					versions.put(Long.valueOf(parts[0]), Integer.valueOf(parts[1]));
				}
				catch (NumberFormatException ignored) {
					// a tampered item is left out, like an unchecked box
				}
			}
		}
		return versions;
	}
}
