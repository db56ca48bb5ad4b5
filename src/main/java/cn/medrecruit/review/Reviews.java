package cn.medrecruit.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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

	/** Items per transaction of a batch approval ({@link #approveMany}). */
	static final int GROUP = 50;

	private final ReviewStore store;
	private final ReviewTallies tallies;
	private final ReviewRouter router;
	private final Batches batches;
	private final Map<RequestKind, ReviewSubjects> subjects;
	private final InstitutionLookup institutions;
	private final ReviewerPresence presence;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Texts texts;
	private final Clock clock;

	Reviews(ReviewStore store, ReviewTallies tallies, ReviewRouter router, Batches batches,
			List<ReviewSubjects> subjects, InstitutionLookup institutions, ReviewerPresence presence,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Texts texts, Clock clock) {
		this.store = store;
		this.tallies = tallies;
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
		ReviewTallies.Facts before;
		List<ReviewDecision> lines = new ArrayList<>();
		if (existing.isEmpty()) {
			id = store.insert(request, first, now);
			round = 1;
			before = ReviewTallies.Facts.NONE;
		}
		else {
			ReviewRequest found = existing.get();
			if (found.state() == ReviewState.PENDING) {
				return found.id();
			}
			found.state().resubmit();
			id = found.id();
			round = found.round() + 1;
			before = facts(found);
			entered = reentry(batch, route, found, first);
			store.resubmit(id, request, round, entered, now);
			lines.add(store.insertDecision(id, round, entered, ReviewAction.RESUBMIT, null, null,
					request.applicant().value(), actor.loginName(), now));
		}
		store.insertRoute(id, round, route, router.rules(batch, route));
		for (RouteStage stage : route) {
			if (stage.skipped()) {
				lines.add(store.insertDecision(id, round, stage, ReviewAction.SKIP, null, null, null, "system", now));
			}
			else if (stage.stageIndex() < entered.stageIndex()) {
				lines.add(store.insertDecision(id, round, stage, ReviewAction.SKIP, texts.get("review.reentry.carried"),
						null, null, "system", now));
			}
		}
		events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), id, request.applicant(),
				entered.stageIndex(), entered.level(), entered.holderInstitutionId(), false));
		events.publishEvent(AuditEvent.success("REVIEW_OPENED", "review:" + id,
				request.kind().name() + ":" + request.subjectId() + " round " + round).by(actor.loginName()));
		tallies.write(new ReviewTallies.Changes().add(before, before.then(id, ReviewState.PENDING,
				entered.holderInstitutionId(), lines.toArray(ReviewDecision[]::new))));
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
		ReviewTallies.Facts before = facts(request);
		ReviewDecision line = store.insertDecision(request.id(), request.round(), stage, ReviewAction.CANCEL, null,
				null, request.applicant().value(), actor.loginName(), now);
		store.setState(request.id(), next, now);
		events.publishEvent(AuditEvent.success("REVIEW_CANCELLED", "review:" + request.id(),
				kind.name() + ":" + subjectId).by(actor.loginName()));
		tallies.write(new ReviewTallies.Changes().add(before,
				before.then(request.id(), next, request.holderInstitutionId(), line)));
	}

	// ------------------------------------------------------------------------------------------ decisions

	/** 审核通过: on to the next stage that has a holder, or approved finally at the last. */
	@Transactional
	public void approve(CurrentUser reviewer, long requestId, int version, String opinion) {
		List<Long> one = List.of(requestId);
		String said = opinion(opinion);
		ReviewRequest request = decidable(reviewer, store.lock(requestId).orElse(null), version, new HashMap<>());
		Approval approval = approvable(request, store.currentRoutes(one).get(requestId),
				store.checksOf(one).get(requestId));
		tallies.write(approveLocked(reviewer, request, said, approval, store.decisionsOf(one).get(requestId)));
	}

	/** 审核不通过 with a reason: ends the request or returns it, as the stage says. */
	@Transactional
	public void reject(CurrentUser reviewer, long requestId, int version, String reason) {
		String why = required(reason);
		Locked locked = lockForDecision(reviewer, requestId, version);
		RouteStage stage = locked.stage();
		ReviewState next = locked.request().state().reject(stage.onReject());
		Instant now = clock.instant();
		ReviewRequest r = locked.request();
		ReviewTallies.Facts before = facts(r);
		ReviewDecision line = store.insertDecision(requestId, r.round(), stage, ReviewAction.REJECT, why, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		store.setState(requestId, next, now);
		if (stage.onReject() == OnReject.RETURNS) {
			events.publishEvent(new RequestReturned(r.kind(), r.subjectId(), r.id(), r.applicant(), stage.level(), why,
					reviewer.loginName()));
		}
		else {
			events.publishEvent(new RequestRejected(r.kind(), r.subjectId(), r.id(), r.applicant(), stage.level(), why,
					reviewer.loginName()));
		}
		audit("REVIEW_REJECTED", r, reviewer, stage);
		tallies.write(new ReviewTallies.Changes().add(before, before.then(r.id(), next, r.holderInstitutionId(), line)));
	}

	/** 退回修改 with a reason: back to the applicant, who edits and resubmits. */
	@Transactional
	public void returnForChanges(CurrentUser reviewer, long requestId, int version, String reason) {
		String why = required(reason);
		Locked locked = lockForDecision(reviewer, requestId, version);
		RouteStage stage = locked.stage();
		ReviewState next = locked.request().state().returnForChanges();
		Instant now = clock.instant();
		ReviewRequest r = locked.request();
		ReviewTallies.Facts before = facts(r);
		ReviewDecision line = store.insertDecision(requestId, r.round(), stage, ReviewAction.RETURN, why, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		store.setState(requestId, next, now);
		events.publishEvent(new RequestReturned(r.kind(), r.subjectId(), r.id(), r.applicant(), stage.level(), why,
				reviewer.loginName()));
		audit("REVIEW_RETURNED", r, reviewer, stage);
		tallies.write(new ReviewTallies.Changes().add(before, before.then(r.id(), next, r.holderInstitutionId(), line)));
	}

	/** The answer for one item of a batch approval: done, or the refusal's message key. */
	public record ItemResult(long requestId, String applicantName, boolean approved, String messageKey) {
	}

	/**
	 * 批量审核通过 with every rule of a single approval (the image checks included) for each item, and the answer per
	 * item, in the order given.
	 * <p>
	 * Items are decided in groups of {@link #GROUP}, one transaction per group: the group's requests are locked at
	 * once in id order, their routes, image checks and logs read with one statement each, and the tallies move once
	 * per group. Every rule of the engine is checked before an item writes anything, so an item the engine refuses
	 * just writes nothing. The subject's module, listening in the same transaction, may still refuse an item after
	 * the engine wrote (its application was cancelled meanwhile): then the group's transaction is rolled back and the
	 * group decided again without that item, so a refused item never takes another with it. A transaction per item
	 * cost a commit (a WAL flush) and all the reads again for every item, a savepoint per item two more round trips
	 * and a subtransaction each; one transaction for hundreds of items would hold their locks and the institution's
	 * tally rows for seconds. An unexpected failure (not a refusal) rolls back the group it happened in and ends the
	 * call, as it ended the call before.
	 *
	 * @param versions the version of each request as the reviewer saw it, by request id
	 */
	public List<ItemResult> approveMany(CurrentUser reviewer, Map<Long, Integer> versions, String opinion) {
		List<Long> ids = new ArrayList<>(versions.keySet());
		Map<Long, ItemResult> results = new HashMap<>();
		Map<String, Boolean> windows = new HashMap<>();
		for (int from = 0; from < ids.size(); from += GROUP) {
			List<Long> group = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + GROUP)));
			while (!group.isEmpty()) {
				try {
					results.putAll(
							transactions.execute(status -> approveGroup(reviewer, group, versions, opinion, windows)));
					group.clear();
				}
				catch (RefusedAfterWriting refused) {
					results.put(refused.result.requestId(), refused.result);
					group.remove(refused.result.requestId());
				}
			}
		}
		return ids.stream().map(results::get).toList();
	}

	/** An item refused after the engine wrote for it: the group's transaction rolls back, and goes again without it. */
	private static final class RefusedAfterWriting extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient ItemResult result;

		RefusedAfterWriting(ItemResult result, InputRejected cause) {
			super(cause.messageKey(), cause, false, false);
			this.result = result;
		}
	}

	private Map<Long, ItemResult> approveGroup(CurrentUser reviewer, List<Long> ids, Map<Long, Integer> versions,
			String opinion, Map<String, Boolean> windows) {
		Map<Long, ReviewRequest> locked = store.lockAll(ids);
		Map<Long, ReviewStore.Route> routes = store.currentRoutes(locked.keySet());
		Map<Long, List<ImageCheck>> checks = store.checksOf(locked.keySet());
		Map<Long, List<ReviewDecision>> logs = store.decisionsOf(locked.keySet());
		ReviewTallies.Changes changes = new ReviewTallies.Changes();
		Map<Long, ItemResult> results = new HashMap<>();
		for (Long id : ids) {
			ReviewRequest found = locked.get(id);
			String said;
			ReviewRequest request;
			Approval approval;
			try {
				said = opinion(opinion);
				request = decidable(reviewer, found, versions.get(id), windows);
				approval = approvable(request, routes.get(id), checks.get(id));
			}
			catch (InputRejected refused) {
				results.put(id, refusedItem(id, found, refused));
				continue;
			}
			try {
				changes.addAll(approveLocked(reviewer, request, said, approval, logs.get(id)));
			}
			catch (InputRejected refused) {
				throw new RefusedAfterWriting(refusedItem(id, found, refused), refused);
			}
			results.put(id, new ItemResult(id, request.applicantName(), true, "review.approved"));
		}
		tallies.write(changes);
		return results;
	}

	/** A refused item's answer, with the name only of a request the reviewer may see. */
	private static ItemResult refusedItem(long id, ReviewRequest found, InputRejected refused) {
		String name = found == null || refused.messageKey().equals("review.refused.missing") ? ""
				: found.applicantName();
		return new ItemResult(id, name, false, refused.messageKey());
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
		String refusal = withdrawRefusal(current, request.state(), request.round(), request.stageIndex(),
				d -> !store.forwardedBySummary(List.of(d.id())).isEmpty(),
				d -> !store.actedOnLater(List.of(d.id())).isEmpty());
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
		ReviewTallies.Facts before = facts(request);
		ReviewDecision line = store.insertDecision(request.id(), request.round(), stage, ReviewAction.WITHDRAW, null,
				decisionId, reviewer.getAccountId(), reviewer.loginName(), now);
		store.move(request.id(), ReviewState.PENDING, stage, now);
		events.publishEvent(new DecisionWithdrawn(request.kind(), request.subjectId(), request.id(),
				request.applicant(), stage.stageIndex(), stage.level(), current.action(), reviewer.loginName()));
		events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), request.id(),
				request.applicant(), stage.stageIndex(), stage.level(), stage.holderInstitutionId(), true));
		audit("REVIEW_WITHDRAWN", request, reviewer, stage);
		tallies.write(new ReviewTallies.Changes().add(before,
				before.then(request.id(), ReviewState.PENDING, stage.holderInstitutionId(), line)));
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
		Map<ReviewTallies.Kind, Integer> tally = tallies.of(institution);
		return new Counts(tally.get(ReviewTallies.Kind.PENDING), tally.get(ReviewTallies.Kind.DECIDED),
				tally.get(ReviewTallies.Kind.RETURNED_LATER), tally.get(ReviewTallies.Kind.APPROVE),
				tally.get(ReviewTallies.Kind.REJECT), tally.get(ReviewTallies.Kind.RETURN),
				tally.get(ReviewTallies.Kind.WAITING));
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
		List<ReviewStore.Decided> rows = store.decidedBy(reviewer.institutionId(), beforeId, InboxQuery.PAGE_SIZE);
		// what 撤办 of the page's approvals depends on, read for the whole page at once
		List<Long> approvals = rows.stream()
			.map(ReviewStore.Decided::decision)
			.filter(decision -> decision.action() == ReviewAction.APPROVE)
			.map(ReviewDecision::id)
			.toList();
		Set<Long> summarized = store.forwardedBySummary(approvals);
		Set<Long> acted = store.actedOnLater(approvals);
		return rows.stream()
			.map(row -> new DecidedRow(row.decision(), row.applicantName(), row.referenceNumber(), row.state(),
					withdrawRefusal(row.decision(), row.state(), row.currentRound(), row.currentStage(),
							d -> summarized.contains(d.id()), d -> acted.contains(d.id())) == null))
			.toList();
	}

	/**
	 * Why 撤办 of the decision is refused now, or null. An approval may be taken back while the request waits for
	 * its stage's summary submission, or while it is pending further on in the same round and no later stage has
	 * acted, unless its stage forwarded it by summary submission (the summary is final).
	 */
	private static String withdrawRefusal(ReviewDecision d, ReviewState state, int round, int stageIndex,
			Predicate<ReviewDecision> summarized, Predicate<ReviewDecision> acted) {
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
		if (summarized.test(d)) {
			return "review.refused.withdraw-summarized";
		}
		if (acted.test(d)) {
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
			boolean windowOpen, boolean allImagesRequired) {

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
			ReviewStore.Route current = store.currentRoutes(List.of(request.id())).get(request.id());
			List<RouteStage> route = current.stages();
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
					current.requiresAllImages(request.stageIndex(), lastStage(route, request.stageIndex())));
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
		Optional<Instant> since = store.noticeSeen(reviewer.getAccountId());
		// never dismissed: every such item, the institution's tally
		return since.isEmpty() ? tallies.of(reviewer.institutionId()).get(ReviewTallies.Kind.RETURNED_LATER)
				: tallies.returnedLaterSince(reviewer.institutionId(), since.get());
	}

	@Transactional
	public void dismissReturned(CurrentUser reviewer) {
		store.markNoticeSeen(reviewer.getAccountId(), clock.instant());
	}

	// ------------------------------------------------------------------------------------------ helpers

	private record Locked(ReviewRequest request, RouteStage stage, ReviewStore.Route route) {
	}

	/** The request with its log, as the tallies count it. */
	private ReviewTallies.Facts facts(ReviewRequest request) {
		return new ReviewTallies.Facts(request.id(), request.state(), request.holderInstitutionId(),
				store.decisions(request.id()));
	}

	private String opinion(String opinion) {
		return opinion == null || opinion.isBlank() ? texts.get("review.opinion.default") : limited(opinion.strip());
	}

	/** An approval that passed every check of the engine: its stage and whether it is the last. */
	private record Approval(ReviewStore.Route route, RouteStage stage, boolean last) {
	}

	/** The checks of an approval that need the route and the image checks; nothing is written. */
	private Approval approvable(ReviewRequest request, ReviewStore.Route route, List<ImageCheck> checks) {
		RouteStage stage = stageOf(route, request.stageIndex());
		boolean last = lastStage(route.stages(), stage.stageIndex());
		checkImages(request, checks, route.requiresAllImages(stage.stageIndex(), last));
		return new Approval(route, stage, last);
	}

	/**
	 * The approval of a request locked and checked by {@link #decidable} and {@link #approvable}, with its log read in
	 * the same transaction; answers how the tallies move. Only the subject's module, listening, may still refuse.
	 */
	private ReviewTallies.Changes approveLocked(CurrentUser reviewer, ReviewRequest request, String said,
			Approval approval, List<ReviewDecision> log) {
		RouteStage stage = approval.stage();
		Instant now = clock.instant();
		long requestId = request.id();
		ReviewDecision line = store.insertDecision(requestId, request.round(), stage, ReviewAction.APPROVE, said, null,
				reviewer.getAccountId(), reviewer.loginName(), now);
		ReviewTallies.Facts before = new ReviewTallies.Facts(requestId, request.state(), request.holderInstitutionId(),
				log);
		ReviewTallies.Facts after;
		if (approval.last()) {
			ReviewState next = request.state().approveFinally();
			store.setState(requestId, next, now);
			after = before.then(requestId, next, request.holderInstitutionId(), line);
			events.publishEvent(new RequestApproved(request.kind(), request.subjectId(), request.id(),
					request.applicant(), stage.level(), said, reviewer.loginName()));
		}
		else if (approval.route().bySummary().contains(stage.stageIndex())) {
			// moves on with its holder's next summary submission (汇总提交)
			ReviewState next = request.state().awaitSummary();
			store.setState(requestId, next, now);
			after = before.then(requestId, next, request.holderInstitutionId(), line);
		}
		else {
			RouteStage next = approval.route()
				.stages()
				.stream()
				.filter(candidate -> candidate.stageIndex() > stage.stageIndex() && !candidate.skipped())
				.findFirst()
				.orElseThrow();
			ReviewState state = request.state().advance();
			store.move(requestId, state, next, now);
			after = before.then(requestId, state, next.holderInstitutionId(), line);
			events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), request.id(),
					request.applicant(), next.stageIndex(), next.level(), next.holderInstitutionId(), true));
		}
		audit("REVIEW_APPROVED", request, reviewer, stage);
		return new ReviewTallies.Changes().add(before, after);
	}

	/**
	 * A 否 at this stage blocks approval everywhere; a stage the batch sets to require every image (by default the
	 * last) must also have answered 是 for every one.
	 */
	private void checkImages(ReviewRequest request, List<ImageCheck> checks, boolean allRequired) {
		Map<Long, ImageCheck> current = currentChecks(checks, request);
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
		ReviewRequest request = decidable(reviewer, store.lock(requestId).orElse(null), version, new HashMap<>());
		ReviewStore.Route route = store.currentRoutes(List.of(requestId)).get(requestId);
		return new Locked(request, stageOf(route, request.stageIndex()), route);
	}

	/**
	 * The checks of a decision on a locked request (null: none), in this order: scope, version, state, holder,
	 * window. {@code windows} remembers the answers per batch and stage for the items of one call.
	 */
	private ReviewRequest decidable(CurrentUser reviewer, ReviewRequest request, int version,
			Map<String, Boolean> windows) {
		if (request == null || !maySee(reviewer, request)) {
			throw new InputRejected("request", "review.refused.missing");
		}
		if (request.version() != version) {
			throw new InputRejected("version", "review.refused.stale");
		}
		if (request.state() != ReviewState.PENDING) {
			throw new InputRejected("state", "review.refused.state");
		}
		if (reviewer.institutionId() == null || reviewer.institutionId() != request.holderInstitutionId()) {
			throw new InputRejected("request", "review.refused.holder");
		}
		boolean open = windows.computeIfAbsent(request.batchId().value() + ":" + request.stageIndex(),
				key -> batches.reviewOpen(request.batchId(), request.stageIndex(), clock.instant()));
		if (!open) {
			throw new InputRejected("request", "review.refused.window");
		}
		return request;
	}

	private static RouteStage stageOf(ReviewStore.Route route, int stageIndex) {
		return route.stages()
			.stream()
			.filter(candidate -> candidate.stageIndex() == stageIndex)
			.findFirst()
			.orElseThrow();
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
		// the holder sees what it holds (the first alternative of heldBy, without asking the database)
		return reviewer.institutionId() == request.holderInstitutionId()
				|| store.heldBy(request.id(), reviewer.institutionId());
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
