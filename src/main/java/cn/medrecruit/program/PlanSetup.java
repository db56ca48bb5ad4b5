package cn.medrecruit.program;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.Role;
import cn.medrecruit.organization.BaseCategory;
import cn.medrecruit.shared.InputRejected;

/**
 * 招生计划 and 名额: a training base declares places per specialty of a batch, the province approves or returns the
 * declaration; the province grants cities places per specialty. Every write re-checks the actor's role and data
 * scope and publishes an audit event.
 */
@Service
class PlanSetup {

	static final int MAX_PLACES = 999;
	static final int MAX_QUOTA = 99999;

	private final PlanStore plans;
	private final BatchStore batches;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PlanSetup(PlanStore plans, BatchStore batches, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.batches = batches;
		this.events = events;
		this.clock = clock;
	}

	// ------------------------------------------------------------------------------------------------ the base

	/** The training base the actor speaks for, or access denied. */
	PlanStore.InstitutionRow base(CurrentUser actor) {
		if (actor == null || !actor.has(Role.BASE) || actor.getInstitutionId() == null) {
			throw new AccessDeniedException("plans are declared by training bases");
		}
		return plans.institution(actor.getInstitutionId())
			.filter(row -> "TRAINING_BASE".equals(row.kind()) && row.baseCategory() != null)
			.orElseThrow(() -> new AccessDeniedException("not a training base"));
	}

	/** Whether the base may declare for the batch: its category is allowed and registration has not ended. */
	boolean openTo(BatchView batch, PlanStore.InstitutionRow base) {
		return batch.baseCategories().contains(BaseCategory.valueOf(base.baseCategory()))
				&& batch.registration().end().isAfter(clock.instant());
	}

	/** The batches the base may declare for, and those it has declared for (even when closed since). */
	List<BatchView> batchesFor(PlanStore.InstitutionRow base) {
		return batches.allBatchIds()
			.stream()
			.map(batches::batch)
			.flatMap(Optional::stream)
			.filter(batch -> openTo(batch, base) || plans.declaration(batch.id().value(), base.id()).isPresent())
			.toList();
	}

	/** The batch as the base sees it, or access denied when it is not one of the base's. */
	BatchView batchFor(long batchId, PlanStore.InstitutionRow base) {
		return batches.batch(batchId)
			.filter(batch -> openTo(batch, base) || plans.declaration(batchId, base.id()).isPresent())
			.orElseThrow(() -> new AccessDeniedException("not a batch of this base"));
	}

	@Transactional
	public void declare(BatchId batchId, Map<Long, Integer> places, Integer expectedVersion, CurrentUser actor) {
		PlanStore.InstitutionRow base = base(actor);
		BatchView batch = batches.batch(batchId.value())
			.filter(view -> openTo(view, base))
			.orElseThrow(() -> new AccessDeniedException("batch closed to this base"));
		Set<Long> open = batch.specialties().stream().map(BatchView.Specialty::id).collect(Collectors.toSet());
		if (!places.keySet().equals(open)) {
			throw new InputRejected("places", "plan.validation.specialties");
		}
		Map<Long, Integer> checked = new LinkedHashMap<>();
		int total = 0;
		for (BatchView.Specialty specialty : batch.specialties()) {
			Integer value = places.get(specialty.id());
			if (value == null || value < 0 || value > MAX_PLACES) {
				throw new InputRejected("places[" + specialty.id() + "]", "plan.validation.places", MAX_PLACES);
			}
			checked.put(specialty.id(), value);
			total += value;
		}
		Optional<PlanStore.Declaration> existing = plans.declaration(batchId.value(), base.id());
		if (existing.isEmpty()) {
			plans.insertDeclaration(batchId.value(), base.id(), clock.instant());
		}
		else if (existing.get().status() == PlanStatus.APPROVED) {
			throw new InputRejected("places", "plan.validation.approved");
		}
		else {
			if (expectedVersion == null) {
				throw new org.springframework.dao.OptimisticLockingFailureException("no version");
			}
			plans.changeDeclaration(batchId.value(), base.id(), expectedVersion,
					List.of(PlanStatus.DECLARED, PlanStatus.RETURNED), PlanStatus.DECLARED, null, clock.instant());
		}
		plans.writePlans(batchId.value(), base.id(), checked, PlanStatus.DECLARED);
		events.publishEvent(AuditEvent.success("PLAN_DECLARED", "plan:" + batchId.value() + "/" + base.id(),
				"total " + total));
	}

	// ------------------------------------------------------------------------------------------------ the province

	private static void checkProvince(CurrentUser actor) {
		if (!ProgramSetup.mayConfigure(actor)) {
			throw new AccessDeniedException("plans are approved by the province");
		}
	}

	@Transactional
	public void approve(BatchId batchId, long baseId, int expectedVersion, CurrentUser actor) {
		checkProvince(actor);
		decide(batchId, baseId, expectedVersion, PlanStatus.APPROVED, null);
		events.publishEvent(AuditEvent.success("PLAN_APPROVED", "plan:" + batchId.value() + "/" + baseId));
	}

	@Transactional
	public void giveBack(BatchId batchId, long baseId, int expectedVersion, String reason, CurrentUser actor) {
		checkProvince(actor);
		if (reason == null || reason.isBlank()) {
			throw new InputRejected("reason", "plan.validation.reason");
		}
		if (reason.length() > 200) {
			throw new InputRejected("reason", "validation.too-long", 200);
		}
		decide(batchId, baseId, expectedVersion, PlanStatus.RETURNED, reason);
		events.publishEvent(AuditEvent.success("PLAN_RETURNED", "plan:" + batchId.value() + "/" + baseId, reason));
	}

	private void decide(BatchId batchId, long baseId, int expectedVersion, PlanStatus to, String reason) {
		PlanStore.Declaration declaration = plans.declaration(batchId.value(), baseId)
			.orElseThrow(() -> new AccessDeniedException("no such declaration"));
		if (declaration.status() != PlanStatus.DECLARED) {
			throw new InputRejected("reason", "plan.validation.not-declared");
		}
		plans.changeDeclaration(batchId.value(), baseId, expectedVersion, List.of(PlanStatus.DECLARED), to, reason,
				clock.instant());
		plans.setPlanStatus(batchId.value(), baseId, to);
	}

	@Transactional
	public void setQuota(BatchId batchId, Long cityId, Long specialtyId, Integer places, Integer expectedVersion,
			CurrentUser actor) {
		checkProvince(actor);
		BatchView batch = batches.batch(batchId.value()).orElseThrow(() -> new AccessDeniedException("no such batch"));
		if (cityId == null || plans.cities().stream().noneMatch(city -> city.id() == cityId)) {
			throw new InputRejected("cityId", "quota.validation.city");
		}
		if (specialtyId == null || batch.specialties().stream().noneMatch(s -> s.id() == specialtyId)) {
			throw new InputRejected("specialtyId", "quota.validation.specialty");
		}
		if (places == null || places < 0 || places > MAX_QUOTA) {
			throw new InputRejected("places", "quota.validation.places", MAX_QUOTA);
		}
		Optional<PlanStore.QuotaRow> existing = plans.quota(batchId.value(), cityId, specialtyId);
		if (existing.isEmpty()) {
			plans.insertQuota(batchId.value(), cityId, specialtyId, places);
		}
		else if (expectedVersion == null) {
			throw new InputRejected("specialtyId", "quota.validation.exists");
		}
		else if (places < existing.get().filledCount()) {
			throw new InputRejected("places", "quota.validation.below-filled", existing.get().filledCount());
		}
		else {
			plans.updateQuota(existing.get().id(), expectedVersion, places);
		}
		events.publishEvent(AuditEvent.success("QUOTA_SET", "quota:" + batchId.value() + "/" + cityId + "/" + specialtyId,
				String.valueOf(places)));
	}
}
