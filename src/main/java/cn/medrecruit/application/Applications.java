package cn.medrecruit.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.ProfileCompleteness;
import cn.medrecruit.profile.ProgramProfile;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.program.PlacementRefused;
import cn.medrecruit.program.Placements;
import cn.medrecruit.program.PlanLine;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.InputRejected;

/**
 * Applications of applicants to batches: the wizard's draft, the submit, 取消报名 and the timeline. Every refusal is an
 * {@link InputRejected} whose message says why; the submit and the cancel each run in one transaction that locks the
 * application row, so double clicks, replays and concurrent requests change it once.
 */
@Service
public class Applications {

	private final ApplicationStore store;
	private final Batches batches;
	private final Placements placements;
	private final ApplicantProfiles profiles;
	private final ProfileCompleteness completeness;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Applications(ApplicationStore store, Batches batches, Placements placements, ApplicantProfiles profiles,
			ProfileCompleteness completeness, ApplicationEventPublisher events, org.springframework.transaction.PlatformTransactionManager transactions,
			Clock clock) {
		this.store = store;
		this.batches = batches;
		this.placements = placements;
		this.profiles = profiles;
		this.completeness = completeness;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
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

	// ------------------------------------------------------------------------------------------ the wizard

	/**
	 * Starts the wizard for the batch: a new draft, the existing draft, or a cancelled application made a draft again.
	 * A submitted application is answered as it is. Refused when the window is closed or the profile incomplete.
	 */
	public ApplicationView start(AccountId account, BatchId batchId, Actor actor) {
		BatchView batch = openBatch(batchId);
		Optional<ApplicationView> existing = store.findFor(account.value(), batchId.value());
		if (existing.map(found -> found.status() == ApplicationStatus.SUBMITTED).orElse(false)) {
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

	/** Step 2: the person type, one the batch admits and whose current-unit rule the profile meets. */
	@Transactional
	public void choosePersonType(AccountId account, long id, PersonType type) {
		ApplicationView application = draft(account, id);
		BatchView batch = openBatch(application.batchId());
		BatchView.PersonTypeRule rule = batch.personTypes()
			.stream()
			.filter(candidate -> candidate.type() == type)
			.findFirst()
			.orElseThrow(() -> new InputRejected("personType", "application.validation.person-type"));
		if (!completeness.meetsWorkUnitRule(account, rule.currentUnitRequired())) {
			throw new InputRejected("personType", "application.validation.current-unit");
		}
		store.setPersonType(id, type, clock.instant());
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
	 * counts the first choice in its plan, freezes the profile and records the step. Submitting an application that is
	 * already submitted changes nothing (a double click or a replay).
	 *
	 * @return whether this call submitted it
	 */
	@Transactional
	public boolean submit(AccountId account, long id, Actor actor) {
		ApplicationView application = store.lock(id)
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
		profiles.freeze(account);
		if (!profileFor(account, batch).complete()) {
			throw new InputRejected("profile", "application.refused.profile");
		}
		BatchView.PersonTypeRule rule = batch.personTypes()
			.stream()
			.filter(candidate -> candidate.type() == application.personType())
			.findFirst()
			.orElseThrow(() -> new InputRejected("personType", "application.validation.person-type"));
		if (!completeness.meetsWorkUnitRule(account, rule.currentUnitRequired())) {
			throw new InputRejected("personType", "application.validation.current-unit");
		}
		if (application.specialtyId() == null || application.firstChoice() == null
				|| batch.adjustmentAllowed() && application.acceptAdjustment() == null) {
			throw new InputRejected("choices", "application.refused.choices");
		}
		Instant now = clock.instant();
		ApplicationStatus next = application.status().submit();
		store.setStatus(id, next, now, now);
		store.addHistory(id, application.status(), next, actor.loginName(), null, now);
		events.publishEvent(AuditEvent.success("APPLICATION_SUBMITTED", "application:" + id,
				"batch:" + batch.id().value()).by(actor.loginName()));
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
		ApplicationView application = store.lock(id)
			.filter(found -> found.accountId() == account.value())
			.orElseThrow(() -> new InputRejected("id", "application.refused.missing"));
		if (application.status() != ApplicationStatus.SUBMITTED) {
			throw new InputRejected("id", "application.refused.cancel-state");
		}
		if (!batches.registrationOpen(application.batchId(), clock.instant())) {
			throw new InputRejected("id", "application.refused.cancel-closed");
		}
		Instant now = clock.instant();
		ApplicationStatus next = application.status().cancel();
		store.setStatus(id, next, null, now);
		placements.giveBack(application.batchId(), application.firstChoice(), application.specialtyId());
		if (store.countInStatus(account.value(), ApplicationStatus.SUBMITTED) == 0) {
			profiles.reopen(account);
		}
		store.addHistory(id, application.status(), next, actor.loginName(), null, now);
		events.publishEvent(AuditEvent.success("APPLICATION_CANCELLED", "application:" + id,
				"batch:" + application.batchId().value()).by(actor.loginName()));
	}

	// ------------------------------------------------------------------------------------------ helpers

	private ApplicationView draft(AccountId account, long id) {
		ApplicationView application = find(account, id)
			.orElseThrow(() -> new InputRejected("id", "application.refused.missing"));
		if (!application.status().editable()) {
			throw new InputRejected("id", "application.refused.state");
		}
		return application;
	}

	private BatchView openBatch(BatchId id) {
		BatchView batch = batches.find(id).orElseThrow(() -> new InputRejected("batch", "application.refused.missing"));
		if (!batches.registrationOpen(id, clock.instant())) {
			throw new InputRejected("batch", "application.refused.window");
		}
		return batch;
	}
}
