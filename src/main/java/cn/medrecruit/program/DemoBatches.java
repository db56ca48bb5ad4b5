package cn.medrecruit.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.security.core.userdetails.UserDetailsService;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.organization.BaseCategory;
import cn.medrecruit.shared.DemoMode;
import cn.medrecruit.shared.PlatformProperties;

/**
 * The demonstration's open batches, so a newcomer finds something to apply to: this year's 住培 batch (004's three
 * person types, 面向社会 for the last three years' graduates, 生源类型 and 培训年限) and 县级骨干 batch (职称 and its
 * dates). Registration is open for thirty days from the first start of the demo; created once. A third batch, the
 * exam pre-registration (单位 → 报名点 → 考点 → 考区, every review window open at once, an approved plan at
 * {@value #EXAM_BASE}), takes the applications the demo submits so that reviewers find work at every level.
 */
@Component
@Order(30)
class DemoBatches implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoBatches.class);

	/** The name of the demo's exam batch, by which the application module's demo finds it. */
	public static final String EXAM_BATCH = "考试预报名（演示）";

	/** The login (and code) of the base whose plan the exam batch's applications choose. */
	static final String EXAM_BASE = "35000101";

	private final DemoMode demo;
	private final BatchStore store;
	private final ProgramSetup setup;
	private final PlanStore plans;
	private final UserDetailsService users;
	private final Clock clock;
	private final ZoneId zone;

	DemoBatches(DemoMode demo, BatchStore store, ProgramSetup setup, PlanStore plans, UserDetailsService users,
			Clock clock, PlatformProperties properties) {
		this.demo = demo;
		this.store = store;
		this.setup = setup;
		this.plans = plans;
		this.users = users;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.isActive()) {
			return;
		}
		int year = LocalDate.now(clock.withZone(zone)).getYear();
		Instant now = clock.instant();
		if (store.cohorts(Program.RESIDENCY).isEmpty()) {
			long cohort = store.insertCohort(Program.RESIDENCY, year, now);
			store.insertBatch(cohort, residency(now), Program.RESIDENCY.defaultChain(), now);
			log.info("Demo: opened the {} residency batch", year);
		}
		if (store.cohorts(Program.COUNTY_BACKBONE).isEmpty()) {
			long cohort = store.insertCohort(Program.COUNTY_BACKBONE, year, now);
			store.insertBatch(cohort, countyBackbone(now), Program.COUNTY_BACKBONE.defaultChain(), now);
			log.info("Demo: opened the {} county backbone batch", year);
		}
		if (store.cohorts(Program.QUALIFICATION_EXAM).isEmpty()) {
			long cohort = store.insertCohort(Program.QUALIFICATION_EXAM, year, now);
			BatchSettings settings = exam(now);
			long batch = store.insertBatch(cohort, settings, Program.QUALIFICATION_EXAM.defaultChain(), now);
			long base = ((CurrentUser) users.loadUserByUsername(EXAM_BASE)).institutionId();
			plans.insertDeclaration(batch, base, now);
			Map<Long, Integer> places = new java.util.HashMap<>();
			settings.specialtyIds().forEach(specialty -> places.put(specialty, 100));
			plans.writePlans(batch, base, places, PlanStatus.APPROVED);
			plans.changeDeclaration(batch, base, 0, List.of(PlanStatus.DECLARED), PlanStatus.APPROVED, null, now);
			log.info("Demo: opened the {} exam pre-registration batch", year);
		}
	}

	/** The exam batch: every review window open from now, so the demo's applications can walk the whole chain. */
	private BatchSettings exam(Instant now) {
		BatchSettings staggered = settings(EXAM_BATCH, Program.QUALIFICATION_EXAM,
				List.of(new BatchView.PersonTypeRule(PersonType.EMPLOYED, null, true, GraduationRule.NONE)), 1, false,
				now, List.of());
		List<Window> open = staggered.stageWindows()
			.stream()
			.map(window -> new Window(staggered.registration().start(), window.end()))
			.toList();
		return new BatchSettings(staggered.name(), staggered.personTypes(), staggered.baseCategories(),
				staggered.choiceCount(), staggered.adjustmentAllowed(), staggered.specialtyIds(),
				staggered.registration(), open, staggered.admission(), staggered.confirmation(), staggered.checkIn(),
				staggered.rules(), staggered.fields());
	}

	private BatchSettings residency(Instant now) {
		SortedSet<Integer> none = new TreeSet<>();
		List<BatchView.PersonTypeRule> rules = List.of(
				new BatchView.PersonTypeRule(PersonType.OWN_RESIDENT, null, true, GraduationRule.NONE),
				new BatchView.PersonTypeRule(PersonType.SOCIAL_RECRUIT, null, false, new GraduationRule(3, none)),
				new BatchView.PersonTypeRule(PersonType.COMMISSIONED, null, true, GraduationRule.NONE));
		return settings("第一批", Program.RESIDENCY, rules, 2, true, now,
				List.of(new BatchView.FieldRule(SupplementaryField.SOURCE_TYPE, true),
						new BatchView.FieldRule(SupplementaryField.TRAINING_YEARS, true)));
	}

	private BatchSettings countyBackbone(Instant now) {
		List<BatchView.PersonTypeRule> rules = Program.COUNTY_BACKBONE.personTypes()
			.stream()
			.map(type -> new BatchView.PersonTypeRule(type, null, type.currentUnitRequired(), GraduationRule.NONE))
			.toList();
		return settings("骨干培训批次", Program.COUNTY_BACKBONE, rules, 1, false, now,
				List.of(new BatchView.FieldRule(SupplementaryField.TITLE, true),
						new BatchView.FieldRule(SupplementaryField.TITLE_START, true),
						new BatchView.FieldRule(SupplementaryField.SPECIALTY_WORK_START, false)));
	}

	/** Registration for thirty days from now; each review stage a week after the previous; then the later steps. */
	private BatchSettings settings(String name, Program program, List<BatchView.PersonTypeRule> rules, int choices,
			boolean adjustment, Instant now, List<BatchView.FieldRule> fields) {
		Instant start = now.minus(Duration.ofHours(1));
		Instant end = now.plus(Duration.ofDays(30));
		List<Window> stages = new java.util.ArrayList<>();
		for (int i = 0; i < program.defaultChain().size(); i++) {
			stages.add(new Window(start.plus(Duration.ofDays(7L * i)), end.plus(Duration.ofDays(7L * (i + 1)))));
		}
		Instant later = end.plus(Duration.ofDays(7L * program.defaultChain().size()));
		Set<PersonType> types = rules.stream().map(BatchView.PersonTypeRule::type).collect(Collectors.toSet());
		Set<Long> specialties = setup.selectableSpecialties(program)
			.stream()
			.limit(5)
			.map(BatchStore.SpecialtyRow::id)
			.collect(Collectors.toSet());
		return new BatchSettings(name, types, EnumSet.allOf(BaseCategory.class), choices, adjustment, specialties,
				new Window(start, end), stages, new Window(later, later.plus(Duration.ofDays(7))),
				new Window(later.plus(Duration.ofDays(7)), later.plus(Duration.ofDays(14))),
				new Window(later.plus(Duration.ofDays(21)), later.plus(Duration.ofDays(28))), rules, fields);
	}
}
