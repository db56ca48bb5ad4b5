package cn.medrecruit.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.organization.ReviewRouting;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.ProfileCompleteness;
import cn.medrecruit.profile.FrozenProfile;
import cn.medrecruit.profile.ProgramProfile;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.program.PlacementRefused;
import cn.medrecruit.program.Placements;
import cn.medrecruit.program.PlanLine;
import cn.medrecruit.review.NewRequest;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.Reviews;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.InputRejected;

/**
 * Applications of applicants to batches: the wizard's draft, the submit, 取消报名 and the timeline. Every refusal is an
 * {@link InputRejected} whose message says why; the submit and the cancel each run in one transaction that locks the
 * application row, so double clicks, replays and concurrent requests change it once. Submits take their turn at the
 * database through {@link SubmitAdmission}, first come first served.
 */
@Service
public class Applications {

	private final ApplicationStore store;
	private final Batches batches;
	private final Placements placements;
	private final ApplicantProfiles profiles;
	private final ProfileCompleteness completeness;
	private final ReviewRouting routing;
	private final SubmitAdmission admission;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Reviews reviews;
	private final Clock clock;
	private final BatchRules rules;

	Applications(ApplicationStore store, Batches batches, Placements placements, ApplicantProfiles profiles,
			ProfileCompleteness completeness, ReviewRouting routing, SubmitAdmission admission,
			ApplicationEventPublisher events, org.springframework.transaction.PlatformTransactionManager transactions,
			Reviews reviews, Clock clock, BatchRules rules) {
		this.reviews = reviews;
		this.store = store;
		this.batches = batches;
		this.placements = placements;
		this.profiles = profiles;
		this.completeness = completeness;
		this.routing = routing;
		this.admission = admission;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.rules = rules;
	}

	// ------------------------------------------------------------------------------------------ reading

	/** The applicant's own application, or empty for someone else's or a missing one. */
	@Transactional(readOnly = true)
	public Optional<ApplicationView> find(AccountId account, long id) {
		return store.find(id).filter(application -> application.accountId() == account.value());
	}

	@Transactional(readOnly = true)
	public Optional<ApplicationView> findFor(AccountId account, BatchId batch) {
		return store.findFor(account.value(), batch.value());
	}

	@Transactional(readOnly = true)
	public List<ApplicationView> of(AccountId account) {
		return store.ofAccount(account.value());
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> history(long id) {
		return store.history(id);
	}

	/** What keeps the applicant from applying to the batch for its program's profile rules (empty: nothing). */
	public ProfileCompleteness.Answer profileFor(AccountId account, BatchView batch) {
		return completeness.check(account, ProgramProfile.ofCode(batch.program().code()));
	}

	/** Each person type of the batch and what keeps the applicant from applying as it. */
	List<BatchRules.TypeAnswer> eligibility(AccountId account, BatchView batch) {
		return rules.eligibility(account, batch);
	}

	// ------------------------------------------------------------------------------------------ the wizard

	/**
	 * Starts the wizard for the batch: a new draft, the existing draft, or a cancelled application made a draft again.
	 * A submitted application is answered as it is. Refused when the window is closed or the profile incomplete.
	 */
	public ApplicationView start(AccountId account, BatchId batchId, Actor actor) {
		BatchView batch = openBatch(batchId);
		Optional<ApplicationView> existing = store.findFor(account.value(), batchId.value());
		if (existing.map(found -> found.status() != ApplicationStatus.DRAFT && found.status() != ApplicationStatus.CANCELLED)
			.orElse(false)) {
			return existing.get();
		}
		if (!profileFor(account, batch).complete()) {
			throw new InputRejected("profile", "application.refused.profile");
		}
		if (existing.isEmpty()) {
			try {
				transactions.executeWithoutResult(status -> {
					Instant now = clock.instant();
					long id = store.insertDraft(account.value(), batch.id().value(), now);
					store.addHistory(id, null, ApplicationStatus.DRAFT, actor.loginName(), null, now);
				});
			}
			catch (DuplicateKeyException concurrentStart) {
				// a second click created it first: go on with that one
			}
			return store.findFor(account.value(), batchId.value()).orElseThrow();
		}
		ApplicationView application = existing.get();
		if (application.status() == ApplicationStatus.CANCELLED) {
			transactions.executeWithoutResult(status -> {
				ApplicationView locked = store.lock(application.id()).orElseThrow();
				if (locked.status() == ApplicationStatus.CANCELLED) {
					Instant now = clock.instant();
					store.setStatus(locked.id(), locked.status().restart(), null, now);
					store.addHistory(locked.id(), ApplicationStatus.CANCELLED, ApplicationStatus.DRAFT,
							actor.loginName(), null, now);
				}
			});
			return store.find(application.id()).orElseThrow();
		}
		return application;
	}

	/** Step 2: the person type, one the batch admits and whose current-unit and graduation rules the profile meets. */
	@Transactional
	public void choosePersonType(AccountId account, long id, PersonType type) {
		ApplicationView application = draft(account, id);
		BatchView batch = openBatch(application.batchId());
		BatchView.PersonTypeRule rule = batch.rule(type)
			.orElseThrow(() -> new InputRejected("personType", "application.validation.person-type"));
		rules.refusal(account, batch, rule).ifPresent(refusal -> {
			throw refusal;
		});
		store.setPersonType(id, type, clock.instant());
	}

	/**
	 * Step 4: the batch's supplementary fields. Going on needs every required field; going back keeps what is valid
	 * so far. Throws {@link cn.medrecruit.program.SupplementaryFields.FieldsRejected} with a finding per field.
	 */
	@Transactional
	public void saveSupplement(AccountId account, long id, java.util.Map<String, String> values, boolean complete) {
		ApplicationView application = draft(account, id);
		BatchView batch = openBatch(application.batchId());
		store.setFields(id, rules.checkFields(batch, values, complete), clock.instant());
	}

	/** Step 5, first half: the specialty; a different one than before empties the choices. */
	@Transactional
	public void chooseSpecialty(AccountId account, long id, long specialtyId) {
		ApplicationView application = draft(account, id);
		BatchView batch = openBatch(application.batchId());
		if (batch.specialties().stream().noneMatch(specialty -> specialty.id() == specialtyId)) {
			throw new InputRejected("specialtyId", "application.validation.specialty");
		}
		store.setSpecialty(id, specialtyId, clock.instant());
	}

	/**
	 * Step 5, second half: the bases in order of preference, each with an approved plan for the specialty, no gaps and
	 * no base twice; 是否接受调剂 when the batch offers it.
	 */
	@Transactional
	public void chooseBases(AccountId account, long id, List<Long> ranked, Boolean acceptAdjustment) {
		ApplicationView application = draft(account, id);
		BatchView batch = openBatch(application.batchId());
		if (application.specialtyId() == null) {
			throw new InputRejected("specialtyId", "application.validation.specialty");
		}
		Set<Long> planned = new HashSet<>();
		placements.plansFor(batch.id(), application.specialtyId()).stream().map(PlanLine::baseId).forEach(planned::add);
		List<Long> bases = new ArrayList<>();
		boolean gap = false;
		for (int i = 0; i < Math.min(ranked.size(), batch.choiceCount()); i++) {
			Long base = ranked.get(i);
			if (base == null) {
				gap = true;
				continue;
			}
			if (gap) {
				throw new InputRejected("choices[" + i + "]", "application.validation.choice-gap");
			}
			if (!planned.contains(base)) {
				throw new InputRejected("choices[" + i + "]", "application.validation.choice-plan");
			}
			if (bases.contains(base)) {
				throw new InputRejected("choices[" + i + "]", "application.validation.choice-twice");
			}
			bases.add(base);
		}
		if (bases.isEmpty()) {
			throw new InputRejected("choices[0]", "application.validation.first-choice");
		}
		if (batch.adjustmentAllowed() && acceptAdjustment == null) {
			throw new InputRejected("acceptAdjustment", "validation.required");
		}
		store.setChoices(id, bases, batch.adjustmentAllowed() ? acceptAdjustment : null, clock.instant());
	}

	// ------------------------------------------------------------------------------------------ submit and cancel

	/**
	 * 提交: in one transaction, with the application row locked, checks the window, the profile and the choices again,
	 * takes a place of the city's quota when the program has them, counts the first choice in its plan, freezes the
	 * profile and records the step. Submitting an application that is already submitted changes nothing (a double
	 * click or a replay). The transaction, and with it the pooled connection, starts only when the submit's turn comes.
	 *
	 * @return whether this call submitted it
	 */
	public boolean submit(AccountId account, long id, Actor actor) {
		return admission.admit(() -> Boolean.TRUE.equals(transactions.execute(status -> submitted(account, id, actor))));
	}

	/** The submit inside its transaction; each statement counts, as all submits of a plan queue on its counter. */
	private boolean submitted(AccountId account, long id, Actor actor) {
		ApplicationView application = store.lockForChange(id)
			.map(ApplicationStore.Locked::application)
			.filter(found -> found.accountId() == account.value())
			.orElseThrow(() -> new InputRejected("id", "application.refused.missing"));
		if (application.status() == ApplicationStatus.SUBMITTED) {
			return false;
		}
		if (application.status() != ApplicationStatus.DRAFT) {
			throw new InputRejected("id", "application.refused.state");
		}
		BatchView batch = openBatch(application.batchId());
		// the profile row stays locked from here, so it cannot change between the check and the freeze
		FrozenProfile profile = profiles.freeze(account);
		if (!completeness.check(profile, ProgramProfile.ofCode(batch.program().code())).complete()) {
			throw new InputRejected("profile", "application.refused.profile");
		}
		BatchView.PersonTypeRule rule = batch.personTypes()
			.stream()
			.filter(candidate -> candidate.type() == application.personType())
			.findFirst()
			.orElseThrow(() -> new InputRejected("personType", "application.validation.person-type"));
		if (!completeness.meetsWorkUnitRule(profile, rule.currentUnitRequired())) {
			throw new InputRejected("personType", "application.validation.current-unit");
		}
		if (application.specialtyId() == null || application.firstChoice() == null
				|| batch.adjustmentAllowed() && application.acceptAdjustment() == null) {
			throw new InputRejected("choices", "application.refused.choices");
		}
		checkBatchRules(profile, application, batch);
		Instant now = clock.instant();
		ApplicationStatus next = application.status().submit();
		store.setStatus(id, next, now, now);
		store.addHistory(id, application.status(), next, actor.loginName(), null, now);
		events.publishEvent(AuditEvent.success("APPLICATION_SUBMITTED", "application:" + id,
				"batch:" + batch.id().value()).by(actor.loginName()));
		// the review request ends with its first holder's pending tally, a row shared with every submit to that
		// holder: from there on only the quota and plan counters and the commit follow
		reviews.open(reviewRequest(application, batch, profile, now), batch, actor);
		if (batch.program().usesCityQuotas()) {
			takeCityQuota(id, batch, profile.currentUnitId(), application.specialtyId());
		}
		// last: every submit to this plan queues on its counter row, so it is held only until the commit
		try {
			placements.take(batch.id(), application.firstChoice(), application.specialtyId());
		}
		catch (PlacementRefused noPlan) {
			throw new InputRejected("choices", "application.validation.choice-plan");
		}
		return true;
	}

	/**
	 * 取消报名: while the registration window is open and before any reviewer acted. Gives the first choice's place
	 * back and makes the profile editable again unless another application is still submitted. The row is kept as
	 * CANCELLED; {@link #start} makes it a draft again.
	 */
	@Transactional
	public void cancel(AccountId account, long id, Actor actor) {
		ApplicationStore.Locked locked = store.lockForChange(id)
			.filter(found -> found.application().accountId() == account.value())
			.orElseThrow(() -> new InputRejected("id", "application.refused.missing"));
		ApplicationView application = locked.application();
		if (application.status() != ApplicationStatus.SUBMITTED) {
			throw new InputRejected("id", "application.refused.cancel-state");
		}
		if (!batches.registrationOpen(application.batchId(), clock.instant())) {
			throw new InputRejected("id", "application.refused.cancel-closed");
		}
		Instant now = clock.instant();
		ApplicationStatus next = application.status().cancel();
		store.setStatus(id, next, null, now);
		reviews.cancel(RequestKind.APPLICATION, id, actor);
		// the quota before the plan, in the order of the submit, so a submit and a cancel cannot deadlock
		if (locked.quotaCityId() != null) {
			placements.giveBackQuota(application.batchId(), locked.quotaCityId(), application.specialtyId());
			store.setQuotaCity(id, null);
		}
		placements.giveBack(application.batchId(), application.firstChoice(), application.specialtyId());
		if (store.countUnderReview(account.value()) == 0) {
			profiles.reopen(account);
		}
		store.addHistory(id, application.status(), next, actor.loginName(), null, now);
		events.publishEvent(AuditEvent.success("APPLICATION_CANCELLED", "application:" + id,
				"batch:" + application.batchId().value()).by(actor.loginName()));
	}

	/**
	 * 重新提交 after a reviewer returned the application: the profile is checked and frozen again and the review
	 * starts over at the first stage of the batch's chain. Outside the registration window, since returns happen during
	 * review.
	 *
	 * @return whether this call resubmitted it
	 */
	@Transactional
	public boolean resubmit(AccountId account, long id, Actor actor) {
		ApplicationView application = store.lock(id)
			.filter(found -> found.accountId() == account.value())
			.orElseThrow(() -> new InputRejected("id", "application.refused.missing"));
		if (application.status() == ApplicationStatus.SUBMITTED) {
			return false;
		}
		if (application.status() != ApplicationStatus.RETURNED) {
			throw new InputRejected("id", "application.refused.state");
		}
		BatchView batch = batches.find(application.batchId())
			.orElseThrow(() -> new InputRejected("batch", "application.refused.missing"));
		FrozenProfile profile = profiles.freeze(account);
		if (!completeness.check(profile, ProgramProfile.ofCode(batch.program().code())).complete()) {
			throw new InputRejected("profile", "application.refused.profile");
		}
		Instant now = clock.instant();
		ApplicationStatus next = application.status().resubmit();
		store.setStatus(id, next, now, now);
		store.addHistory(id, application.status(), next, actor.loginName(), null, now);
		reviews.open(reviewRequest(application, batch, profile, now), batch, actor);
		events.publishEvent(AuditEvent.success("APPLICATION_RESUBMITTED", "application:" + id,
				"batch:" + batch.id().value()).by(actor.loginName()));
		return true;
	}

	/**
	 * What the application is (re)submitted to the review engine with: its search fields as they are now, from the
	 * profile the submit has just frozen and read (name and masked ID number included, nothing decrypted).
	 */
	private NewRequest reviewRequest(ApplicationView application, BatchView batch, FrozenProfile profile, Instant now) {
		String masked = profile.idNumberMasked() == null ? "" : profile.idNumberMasked();
		Long unit = profile.currentUnitId();
		return new NewRequest(RequestKind.APPLICATION, application.id(), profile.account(), profile.realName(),
				masked.length() > 4 ? masked.substring(masked.length() - 4) : masked,
				ApplicationForms.numberOf(application, batch),
				batch.program().code(), batch.cohortId().value(), batch.id(), unit,
				unit == null ? null : profile.currentUnitPath(), application.firstChoice(), now);
	}

	// ------------------------------------------------------------------------------------------ helpers

	/**
	 * The person type's graduation rule (its current-unit rule is checked just before) and the required
	 * supplementary fields, checked again at submit.
	 */
	private void checkBatchRules(FrozenProfile profile, ApplicationView application, BatchView batch) {
		BatchView.PersonTypeRule rule = batch.rule(application.personType())
			.orElseThrow(() -> new InputRejected("personType", "application.validation.person-type"));
		rules.graduationRefusal(profile.graduationYear().orElse(null), batch, rule).ifPresent(refusal -> {
			throw refusal;
		});
		try {
			// the locked row was read without its fields; a batch without fields needs no read
			rules.checkFields(batch, batch.fields().isEmpty() ? Map.of() : store.fieldsOf(application.id()), true);
		}
		catch (InputRejected incomplete) {
			throw new InputRejected("supplement", "application.refused.supplement");
		}
	}

	private ApplicationView draft(AccountId account, long id) {
		ApplicationView application = find(account, id)
			.orElseThrow(() -> new InputRejected("id", "application.refused.missing"));
		if (!application.status().editable()) {
			throw new InputRejected("id", "application.refused.state");
		}
		return application;
	}

	/**
	 * 000 3.1.2: one place of the quota that the province granted the city of the applicant's current unit for the
	 * specialty, refused next to the choices when the city has none or all are taken. The city is kept on the
	 * application, so a cancel gives the place back to the same quota.
	 */
	private void takeCityQuota(long id, BatchView batch, Long unit, long specialtyId) {
		Long city = unit == null ? null
				: routing.holdersFor(unit).map(ReviewRouting.Holders::city).orElse(null);
		if (city == null) {
			throw new InputRejected("choices", "application.refused.quota-city");
		}
		try {
			placements.takeQuota(batch.id(), city, specialtyId);
		}
		catch (PlacementRefused refused) {
			throw new InputRejected("choices", refused.reason() == PlacementRefused.Reason.QUOTA_FULL
					? "application.refused.quota-full" : "application.refused.quota-none", refused.holderName(),
					refused.places());
		}
		store.setQuotaCity(id, city);
	}

	/** The batch, if its registration window is open now: one read of the batch serves both. */
	private BatchView openBatch(BatchId id) {
		BatchView batch = batches.find(id).orElseThrow(() -> new InputRejected("batch", "application.refused.missing"));
		if (!batch.registration().contains(clock.instant())) {
			throw new InputRejected("batch", "application.refused.window");
		}
		return batch;
	}
}
