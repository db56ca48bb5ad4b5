package cn.medrecruit.program;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.Role;
import cn.medrecruit.shared.InputRejected;

/**
 * The province's program configuration: cohorts, batches with their rules and windows, review chains and specialty
 * catalogues. Every write re-checks that the actor is provincial and publishes an audit event; a refused rule throws
 * {@link InputRejected} before anything is written.
 */
@Service
class ProgramSetup {

	private final BatchStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProgramSetup(BatchStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	static boolean mayConfigure(CurrentUser actor) {
		return actor != null && (actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.PROVINCE));
	}

	private static void check(CurrentUser actor) {
		if (!mayConfigure(actor)) {
			throw new AccessDeniedException("program configuration is provincial");
		}
	}

	@Transactional
	public CohortId createCohort(Program program, int year, CurrentUser actor) {
		check(actor);
		if (year < 2000 || year > 2100) {
			throw new InputRejected("year", "program.validation.year");
		}
		if (store.cohortExists(program, year)) {
			throw new InputRejected("year", "program.validation.cohort-exists");
		}
		long id = store.insertCohort(program, year, clock.instant());
		events.publishEvent(AuditEvent.success("COHORT_CREATED", "cohort:" + id, program.code() + " " + year));
		return new CohortId(id);
	}

	@Transactional
	public BatchId createBatch(CohortId cohortId, BatchSettings settings, CurrentUser actor) {
		check(actor);
		BatchStore.CohortRow cohort = store.cohort(cohortId.value())
			.orElseThrow(() -> new AccessDeniedException("no such cohort"));
		validate(cohort.program(), cohort.id(), null, settings, cohort.program().defaultChain().size());
		long id = store.insertBatch(cohort.id(), settings, cohort.program().defaultChain(), clock.instant());
		events.publishEvent(AuditEvent.success("BATCH_CREATED", "batch:" + id, settings.name()));
		return new BatchId(id);
	}

	@Transactional
	public void changeBatch(BatchId id, int expectedVersion, BatchSettings settings, CurrentUser actor) {
		check(actor);
		BatchView batch = store.batch(id.value()).orElseThrow(() -> new AccessDeniedException("no such batch"));
		validate(batch.program(), batch.cohortId().value(), id.value(), settings, batch.chain().size());
		store.updateBatch(id.value(), expectedVersion, settings, clock.instant());
		events.publishEvent(AuditEvent.success("BATCH_CHANGED", "batch:" + id.value(), settings.name()));
	}

	/** A change to the review chain of a batch. */
	enum ChainEdit {
		UP, DOWN, REMOVE, ADD, ON_REJECT
	}

	@Transactional
	public void editChain(BatchId id, int expectedVersion, ChainEdit edit, int index, StageLevel level,
			OnReject onReject, CurrentUser actor) {
		check(actor);
		BatchView batch = store.batch(id.value()).orElseThrow(() -> new AccessDeniedException("no such batch"));
		List<ChainStage> chain = new ArrayList<>(batch.chain());
		boolean valid = edit == ChainEdit.ADD || (index >= 0 && index < chain.size());
		if (!valid) {
			throw new InputRejected("chain", "program.validation.chain.stage");
		}
		switch (edit) {
			case UP -> {
				if (index == 0) {
					throw new InputRejected("chain", "program.validation.chain.stage");
				}
				chain.add(index - 1, chain.remove(index));
			}
			case DOWN -> {
				if (index == chain.size() - 1) {
					throw new InputRejected("chain", "program.validation.chain.stage");
				}
				chain.add(index + 1, chain.remove(index));
			}
			case REMOVE -> {
				if (chain.size() == 1) {
					throw new InputRejected("chain", "program.validation.chain.last-stage");
				}
				chain.remove(index);
			}
			case ADD -> {
				if (level == null || onReject == null) {
					throw new InputRejected("chain", "program.validation.chain.level");
				}
				chain.add(new ChainStage(chain.size(), level, onReject, null));
			}
			case ON_REJECT -> {
				if (onReject == null) {
					throw new InputRejected("chain", "program.validation.chain.level");
				}
				chain.set(index, chain.get(index).withOnReject(onReject));
			}
		}
		store.bumpVersion(id.value(), expectedVersion, clock.instant());
		store.replaceChain(id.value(), chain);
		events.publishEvent(AuditEvent.success("BATCH_CHAIN_CHANGED", "batch:" + id.value(),
				chain.stream().map(stage -> stage.level().name() + "/" + stage.onReject().name())
					.collect(Collectors.joining(" > "))));
	}

	/**
	 * The batch's review rules, set with its chain: the stage at which a returned and resubmitted application
	 * re-enters, the stages whose approvals wait for a 汇总提交, and the stages that approve only when every evidence
	 * image is answered 与原件一致 = 是. Requests already under review keep the rules of their current round; a
	 * resubmission takes the new ones.
	 *
	 * @param reentryStage index (from 0) of a stage of the chain
	 * @param bySummary indexes of stages that forward by summary submission; never the last one
	 * @param imagesRequired indexes of stages that require every image; at least one
	 */
	@Transactional
	public void changeReviewRules(BatchId id, int expectedVersion, int reentryStage, Set<Integer> bySummary,
			Set<Integer> imagesRequired, CurrentUser actor) {
		check(actor);
		BatchView batch = store.batch(id.value()).orElseThrow(() -> new AccessDeniedException("no such batch"));
		int size = batch.chain().size();
		if (reentryStage < 0 || reentryStage >= size) {
			throw new InputRejected("reentryStage", "program.validation.review.reentry");
		}
		if (bySummary.stream().anyMatch(index -> index == null || index < 0 || index >= size)
				|| imagesRequired.stream().anyMatch(index -> index == null || index < 0 || index >= size)) {
			throw new InputRejected("chain", "program.validation.chain.stage");
		}
		if (bySummary.contains(size - 1)) {
			throw new InputRejected("bySummary", "program.validation.review.summary-last");
		}
		if (imagesRequired.isEmpty()) {
			throw new InputRejected("imagesRequired", "program.validation.review.images-none");
		}
		List<ChainStage> chain = new ArrayList<>();
		for (ChainStage stage : batch.chain()) {
			chain.add(stage.withRules(bySummary.contains(stage.index()), imagesRequired.contains(stage.index()),
					stage.index() == reentryStage));
		}
		store.bumpVersion(id.value(), expectedVersion, clock.instant());
		store.replaceChain(id.value(), chain);
		events.publishEvent(AuditEvent.success("BATCH_REVIEW_RULES_CHANGED", "batch:" + id.value(),
				"reentry " + reentryStage + "; summary " + new java.util.TreeSet<>(bySummary) + "; images "
						+ new java.util.TreeSet<>(imagesRequired)));
	}

	@Transactional
	public long addSpecialty(Program program, String name, Long parentId, CurrentUser actor) {
		check(actor);
		if (name == null || name.isBlank()) {
			throw new InputRejected("name", "validation.required");
		}
		if (name.length() > 50) {
			throw new InputRejected("name", "validation.too-long", 50);
		}
		int depth = 0;
		String code;
		if (parentId != null) {
			BatchStore.SpecialtyRow parent = store.specialties(program)
				.stream()
				.filter(row -> row.id() == parentId)
				.findFirst()
				.orElseThrow(() -> new InputRejected("parentId", "program.validation.specialty.parent"));
			if (!program.treeCatalogue() || parent.depth() >= 4) {
				throw new InputRejected("parentId", "program.validation.specialty.parent");
			}
			depth = parent.depth() + 1;
		}
		if (store.specialtyNameTaken(program, parentId, name)) {
			throw new InputRejected("name", "program.validation.specialty.taken");
		}
		code = "U" + Long.toString(clock.millis(), 36).toUpperCase() + Integer.toString(name.hashCode() & 0xfff, 36);
		long id = store.insertSpecialty(program, code, name, parentId, depth);
		events.publishEvent(AuditEvent.success("SPECIALTY_ADDED", "specialty:" + id, program.code() + " " + name));
		return id;
	}

	@Transactional
	public void setSpecialtyEnabled(Program program, long id, boolean enabled, CurrentUser actor) {
		check(actor);
		if (store.setSpecialtyEnabled(program, id, enabled) == 0) {
			throw new AccessDeniedException("no such specialty");
		}
		events.publishEvent(AuditEvent.success(enabled ? "SPECIALTY_ENABLED" : "SPECIALTY_DISABLED",
				"specialty:" + id, program.code()));
	}

	private void validate(Program program, long cohortId, Long batchId, BatchSettings settings, int stages) {
		if (store.batchNameTaken(cohortId, settings.name(), batchId)) {
			throw new InputRejected("name", "program.validation.batch-name-taken");
		}
		if (settings.personTypes().isEmpty() || !program.personTypes().containsAll(settings.personTypes())) {
			throw new InputRejected("personTypes", "program.validation.person-types");
		}
		if (settings.fields().stream().anyMatch(rule -> rule.field().program() != program)) {
			throw new InputRejected("fields", "program.validation.fields");
		}
		if (settings.choiceCount() < 1 || settings.choiceCount() > 5) {
			throw new InputRejected("choiceCount", "program.validation.choice-count");
		}
		Set<Long> selectable = selectableSpecialties(program).stream()
			.map(BatchStore.SpecialtyRow::id)
			.collect(Collectors.toSet());
		if (settings.specialtyIds().isEmpty() || !selectable.containsAll(settings.specialtyIds())) {
			throw new InputRejected("specialtyIds", "program.validation.specialties");
		}
		if (settings.stageWindows().size() != stages) {
			throw new InputRejected("stageWindows", "program.validation.window.stage-count");
		}
		List<InputRejected> windows = WindowRules.check(settings);
		if (!windows.isEmpty()) {
			throw windows.get(0);
		}
	}

	/** The enabled specialties a batch may open: every one of a list, the enabled leaves of a tree. */
	List<BatchStore.SpecialtyRow> selectableSpecialties(Program program) {
		List<BatchStore.SpecialtyRow> all = store.specialties(program);
		Set<Long> parents = all.stream()
			.filter(BatchStore.SpecialtyRow::enabled)
			.map(BatchStore.SpecialtyRow::parentId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		return all.stream().filter(row -> row.enabled() && !parents.contains(row.id())).toList();
	}
}
