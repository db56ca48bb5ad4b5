package cn.medrecruit.program;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.organization.BaseCategory;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.PlatformProperties;
import cn.medrecruit.shared.Texts;

/** 招录设置: programs, their cohorts and batches, batch windows and review chains, specialty catalogues. */
@Controller
@RequestMapping("/programs")
@PreAuthorize("@access.can('PROGRAM_CONFIGURE')")
class ProgramController {

	static final String PROGRAMS = "program/programs";
	static final String PROGRAM = "program/program";
	static final String BATCH = "program/batch";
	static final String SPECIALTIES = "program/specialties";

	private final ProgramSetup setup;
	private final Batches batches;
	private final BatchStore store;
	private final Texts texts;
	private final ZoneId zone;
	private final Clock clock;

	ProgramController(ProgramSetup setup, Batches batches, BatchStore store, Texts texts,
			PlatformProperties properties, Clock clock) {
		this.setup = setup;
		this.batches = batches;
		this.store = store;
		this.texts = texts;
		this.zone = properties.timeZone();
		this.clock = clock;
	}

	/** A form with one field: the year of a new cohort. */
	public static class CohortForm {

		private Integer year;

		public Integer getYear() {
			return year;
		}

		public void setYear(Integer year) {
			this.year = year;
		}
	}

	/** A form to add a specialty, under a parent in a tree catalogue. */
	public static class SpecialtyForm {

		private String name;
		private Long parentId;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Long getParentId() {
			return parentId;
		}

		public void setParentId(Long parentId) {
			this.parentId = parentId;
		}
	}

	@InitBinder("batchForm")
	void batchBinder(WebDataBinder binder) {
		binder.setAllowedFields("name", "personTypes", "baseCategories", "choiceCount", "adjustmentAllowed",
				"specialtyIds", "registration.*", "stageWindows*", "admission.*", "confirmation.*", "checkIn.*",
				"rules*", "fields", "requiredFields", "version");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@InitBinder({ "cohortForm", "specialtyForm" })
	void smallBinder(WebDataBinder binder) {
		binder.setAllowedFields("year", "name", "parentId");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	// ------------------------------------------------------------------------------------------ programs, cohorts

	@GetMapping
	String programs(Model model) {
		model.addAttribute("programs", Program.values());
		return PROGRAMS;
	}

	@GetMapping("/{code}")
	String program(@PathVariable String code, Model model) {
		model.addAttribute("cohortForm", new CohortForm());
		return programPage(program(code), model);
	}

	@PostMapping("/{code}/cohorts")
	String createCohort(@PathVariable String code, @ModelAttribute("cohortForm") CohortForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect) {
		Program program = program(code);
		if (form.getYear() == null && !result.hasFieldErrors("year")) {
			result.rejectValue("year", "validation.required");
		}
		if (result.hasErrors()) {
			return programPage(program, model);
		}
		try {
			setup.createCohort(program, form.getYear(), user);
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return programPage(program, model);
		}
		catch (DataIntegrityViolationException raced) {
			result.rejectValue("year", "program.validation.cohort-exists");
			return programPage(program, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("program.cohort.created", form.getYear()));
		return "redirect:/programs/" + program.code();
	}

	private String programPage(Program program, Model model) {
		record CohortBatches(BatchStore.CohortRow cohort, List<BatchView> batches) {
		}
		List<CohortBatches> cohorts = new ArrayList<>();
		for (BatchStore.CohortRow cohort : store.cohorts(program)) {
			cohorts.add(new CohortBatches(cohort,
					store.batchIds(cohort.id()).stream().map(store::batch).flatMap(java.util.Optional::stream).toList()));
		}
		model.addAttribute("program", program);
		model.addAttribute("cohorts", cohorts);
		model.addAttribute("now", clock.instant());
		model.addAttribute("times", new Times(zone));
		return PROGRAM;
	}

	// ------------------------------------------------------------------------------------------ batches

	@GetMapping("/{code}/cohorts/{cohortId}/batches/new")
	String newBatch(@PathVariable String code, @PathVariable long cohortId, Model model) {
		BatchStore.CohortRow cohort = cohort(code, cohortId);
		BatchForm form = BatchForm.fresh(cohort.program(), this::builtInDescription);
		form.setChoiceCount(1);
		form.setAdjustmentAllowed(false);
		form.setStageWindows(new ArrayList<>(cohort.program().defaultChain().stream().map(stage -> new WindowForm()).toList()));
		model.addAttribute("batchForm", form);
		return batchPage(cohort, null, model);
	}

	@PostMapping("/{code}/cohorts/{cohortId}/batches/new")
	String createBatch(@PathVariable String code, @PathVariable long cohortId,
			@ModelAttribute("batchForm") BatchForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		BatchStore.CohortRow cohort = cohort(code, cohortId);
		int stages = cohort.program().defaultChain().size();
		BatchSettings settings = settings(form, cohort.program(), stages, result);
		if (settings == null) {
			return batchPage(cohort, null, model);
		}
		try {
			BatchId id = setup.createBatch(new CohortId(cohortId), settings, user);
			redirect.addFlashAttribute("flashSuccess", texts.get("program.batch.created", settings.name()));
			return "redirect:/programs/batches/" + id.value();
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
		}
		catch (DataIntegrityViolationException raced) {
			result.reject("program.validation.raced");
		}
		return batchPage(cohort, null, model);
	}

	@GetMapping("/batches/{id}")
	String batch(@PathVariable long id, Model model) {
		BatchView batch = batchView(id);
		model.addAttribute("batchForm", BatchForm.of(batch, zone, this::builtInDescription));
		return batchPage(store.cohort(batch.cohortId().value()).orElseThrow(), batch, model);
	}

	@PostMapping("/batches/{id}")
	String changeBatch(@PathVariable long id, @ModelAttribute("batchForm") BatchForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		BatchView batch = batchView(id);
		BatchStore.CohortRow cohort = store.cohort(batch.cohortId().value()).orElseThrow();
		if (form.getVersion() == null) {
			result.reject("validation.stale");
		}
		BatchSettings settings = settings(form, batch.program(), batch.chain().size(), result);
		if (settings == null) {
			return batchPage(cohort, batch, model);
		}
		try {
			setup.changeBatch(batch.id(), form.getVersion(), settings, user);
			redirect.addFlashAttribute("flashSuccess", texts.get("program.batch.saved", settings.name()));
			return "redirect:/programs/batches/" + id;
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
		}
		catch (OptimisticLockingFailureException stale) {
			result.reject("validation.stale");
		}
		catch (DataIntegrityViolationException raced) {
			result.reject("program.validation.raced");
		}
		return batchPage(cohort, batch, model);
	}

	@PostMapping("/batches/{id}/chain")
	String editChain(@PathVariable long id, @RequestParam String edit, @RequestParam(defaultValue = "-1") int index,
			@RequestParam(required = false) String level, @RequestParam(required = false) String onReject,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		BatchView batch = batchView(id);
		try {
			setup.editChain(batch.id(), version, parse(ProgramSetup.ChainEdit.class, edit), index,
					parse(StageLevel.class, level), parse(OnReject.class, onReject), user);
			redirect.addFlashAttribute("flashSuccess", texts.get("program.chain.saved"));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.get(rejected.messageKey(), rejected.arguments()));
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("flashError", texts.get("validation.stale"));
		}
		return "redirect:/programs/batches/" + id + "#chain";
	}

	/**
	 * The batch's review rules (re-entry stage, 汇总提交 and full image checks per stage); a refusal comes back next
	 * to its field in the rules form.
	 */
	@PostMapping("/batches/{id}/review-rules")
	String changeReviewRules(@PathVariable long id, @RequestParam(required = false) Integer reentryStage,
			@RequestParam(required = false) List<Integer> bySummary,
			@RequestParam(required = false) List<Integer> imagesRequired, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		BatchView batch = batchView(id);
		try {
			if (reentryStage == null) {
				throw new InputRejected("reentryStage", "program.validation.review.reentry");
			}
			setup.changeReviewRules(batch.id(), version, reentryStage,
					bySummary == null ? Set.of() : new LinkedHashSet<>(bySummary),
					imagesRequired == null ? Set.of() : new LinkedHashSet<>(imagesRequired), user);
			redirect.addFlashAttribute("flashSuccess", texts.get("program.review-rules.saved"));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("reviewRulesError", java.util.Map.of(rejected.field(),
					texts.get(rejected.messageKey(), rejected.arguments())));
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("flashError", texts.get("validation.stale"));
		}
		return "redirect:/programs/batches/" + id + "#review-rules";
	}

	private String batchPage(BatchStore.CohortRow cohort, BatchView batch, Model model) {
		Program program = cohort.program();
		List<StageLevel> stageLevels = batch == null
				? program.defaultChain().stream().map(Program.Stage::level).toList()
				: batch.chain().stream().map(ChainStage::level).toList();
		model.addAttribute("program", program);
		model.addAttribute("cohort", cohort);
		model.addAttribute("batch", batch);
		model.addAttribute("stageLevels", stageLevels);
		model.addAttribute("personTypes", program.personTypes());
		model.addAttribute("programFields", SupplementaryField.of(program));
		model.addAttribute("categories", BaseCategory.values());
		model.addAttribute("specialties", setup.selectableSpecialties(program));
		model.addAttribute("allLevels", StageLevel.values());
		model.addAttribute("rejectOutcomes", OnReject.values());
		model.addAttribute("windowsOutOfOrder", batch != null && batch.chain().stream().allMatch(s -> s.window() != null)
				&& !WindowRules.check(new BatchSettings(batch.name(), Set.of(), Set.of(), 1, false, Set.of(),
						batch.registration(), batch.chain().stream().map(ChainStage::window).toList(),
						batch.admission(), batch.confirmation(), batch.checkIn())).isEmpty());
		model.addAttribute("zoneId", zone.getId());
		model.addAttribute("times", new Times(zone));
		return BATCH;
	}

	/** Turns the form into settings, binding every problem to its field; {@code null} when there is any. */
	private BatchSettings settings(BatchForm form, Program program, int stages, BindingResult result) {
		alignRules(form, program);
		if (form.getName() == null) {
			result.rejectValue("name", "validation.required");
		}
		else if (form.getName().length() > 50) {
			result.rejectValue("name", "validation.too-long", new Object[] { 50 }, null);
		}
		Set<PersonType> personTypes = EnumSet.noneOf(PersonType.class);
		for (String type : form.getPersonTypes()) {
			PersonType parsed = parse(PersonType.class, type);
			if (parsed == null || !program.personTypes().contains(parsed)) {
				result.rejectValue("personTypes", "program.validation.person-types");
				break;
			}
			personTypes.add(parsed);
		}
		if (personTypes.isEmpty() && !result.hasFieldErrors("personTypes")) {
			result.rejectValue("personTypes", "program.validation.person-types");
		}
		Set<BaseCategory> categories = EnumSet.noneOf(BaseCategory.class);
		for (String category : form.getBaseCategories()) {
			BaseCategory parsed = parse(BaseCategory.class, category);
			if (parsed == null) {
				result.rejectValue("baseCategories", "program.validation.base-categories");
				break;
			}
			categories.add(parsed);
		}
		if (!result.hasFieldErrors("choiceCount")
				&& (form.getChoiceCount() == null || form.getChoiceCount() < 1 || form.getChoiceCount() > 5)) {
			result.rejectValue("choiceCount", "program.validation.choice-count");
		}
		if (form.getAdjustmentAllowed() == null && !result.hasFieldErrors("adjustmentAllowed")) {
			result.rejectValue("adjustmentAllowed", "validation.required");
		}
		Set<Long> specialties = new LinkedHashSet<>(form.getSpecialtyIds());
		specialties.remove(null);
		if (specialties.isEmpty() && !result.hasFieldErrors("specialtyIds")) {
			result.rejectValue("specialtyIds", "program.validation.specialties");
		}
		while (form.getStageWindows().size() < stages) {
			form.getStageWindows().add(new WindowForm());
		}
		if (form.getStageWindows().size() > stages) {
			form.setStageWindows(new ArrayList<>(form.getStageWindows().subList(0, stages)));
		}
		Window registration = window("registration", form.getRegistration(), result);
		List<Window> stageWindows = new ArrayList<>();
		for (int i = 0; i < stages; i++) {
			stageWindows.add(window("stageWindows[" + i + "]", form.getStageWindows().get(i), result));
		}
		Window admission = window("admission", form.getAdmission(), result);
		Window confirmation = window("confirmation", form.getConfirmation(), result);
		Window checkIn = window("checkIn", form.getCheckIn(), result);
		List<BatchView.PersonTypeRule> rules = rules(form, program, personTypes, result);
		List<BatchView.FieldRule> fields = fields(form, program, result);
		BatchSettings settings = new BatchSettings(form.getName(), personTypes, categories,
				form.getChoiceCount() == null ? 0 : form.getChoiceCount(), Boolean.TRUE.equals(form.getAdjustmentAllowed()),
				specialties, registration, stageWindows, admission, confirmation, checkIn, rules, fields);
		for (InputRejected rejected : WindowRules.check(settings)) {
			if (!result.hasFieldErrors(rejected.field())) {
				result.rejectValue(rejected.field(), rejected.messageKey(), rejected.arguments(), null);
			}
		}
		return result.hasErrors() ? null : settings;
	}

	/** One rule entry per person type of the program, in its order, so each is shown again under its type. */
	private void alignRules(BatchForm form, Program program) {
		List<BatchForm.TypeRuleForm> aligned = new ArrayList<>();
		for (PersonType type : program.personTypes()) {
			aligned.add(form.getRules()
				.stream()
				.filter(entry -> entry != null && type.name().equals(entry.getType()))
				.findFirst()
				.orElse(BatchForm.TypeRuleForm.of(new BatchView.PersonTypeRule(type, null, type.currentUnitRequired(),
						GraduationRule.NONE), builtInDescription(type))));
		}
		form.setRules(aligned);
	}

	private String builtInDescription(PersonType type) {
		return texts.get(type.descriptionKey());
	}

	/** The rules of the admitted person types; a graduation rule is either a number of years or a list of years. */
	private static List<BatchView.PersonTypeRule> rules(BatchForm form, Program program, Set<PersonType> admitted,
			BindingResult result) {
		List<BatchView.PersonTypeRule> rules = new ArrayList<>();
		for (int i = 0; i < form.getRules().size(); i++) {
			BatchForm.TypeRuleForm entry = form.getRules().get(i);
			PersonType type = entry == null ? null : parse(PersonType.class, entry.getType());
			if (type == null || !program.personTypes().contains(type) || !admitted.contains(type)) {
				continue;
			}
			String field = "rules[" + i + "].";
			String description = entry.getDescription();
			if (description != null && description.length() > 500) {
				result.rejectValue(field + "description", "validation.too-long", new Object[] { 500 }, null);
			}
			Integer within = entry.getGraduationWithin();
			if (within != null && (within < 1 || within > 10) && !result.hasFieldErrors(field + "graduationWithin")) {
				result.rejectValue(field + "graduationWithin", "program.validation.graduation-within");
			}
			java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
			if (entry.getGraduationYears() != null) {
				for (String year : entry.getGraduationYears().split("[,，、\\s]+")) {
					if (!year.matches("\\d{4}") || Integer.parseInt(year) < 1950 || Integer.parseInt(year) > 2100) {
						result.rejectValue(field + "graduationYears", "program.validation.graduation-years");
						break;
					}
					years.add(Integer.valueOf(year));
				}
			}
			if (within != null && !years.isEmpty() && !result.hasFieldErrors(field + "graduationYears")) {
				result.rejectValue(field + "graduationYears", "program.validation.graduation-both");
			}
			boolean unit = entry.getCurrentUnitRequired() == null ? type.currentUnitRequired()
					: entry.getCurrentUnitRequired();
			rules.add(new BatchView.PersonTypeRule(type, description, unit, new GraduationRule(within, years)));
		}
		return rules;
	}

	/** The shown fields, each required or not; the exam's dependent fields must be shown from the top down. */
	private static List<BatchView.FieldRule> fields(BatchForm form, Program program, BindingResult result) {
		Set<SupplementaryField> shown = EnumSet.noneOf(SupplementaryField.class);
		for (String key : form.getFields()) {
			SupplementaryField field = SupplementaryField.ofKey(key);
			if (field == null || field.program() != program) {
				result.rejectValue("fields", "program.validation.fields");
				return List.of();
			}
			shown.add(field);
		}
		boolean gap = false;
		for (SupplementaryField field : SupplementaryField.of(program)) {
			if (field.kind() != SupplementaryField.Kind.TREE) {
				continue;
			}
			if (shown.contains(field) && gap) {
				result.rejectValue("fields", "program.validation.fields.path");
				return List.of();
			}
			gap = gap || !shown.contains(field);
		}
		return shown.stream()
			.map(field -> new BatchView.FieldRule(field, form.getRequiredFields().contains(field.key())))
			.toList();
	}

	private Window window(String field, WindowForm form, BindingResult result) {
		if (form == null) {
			result.rejectValue(field + ".start", "validation.required");
			return null;
		}
		if (form.getStart() == null && !result.hasFieldErrors(field + ".start")) {
			result.rejectValue(field + ".start", "validation.required");
		}
		if (form.getEnd() == null && !result.hasFieldErrors(field + ".end")) {
			result.rejectValue(field + ".end", "validation.required");
		}
		return form.toWindow(zone);
	}

	// ------------------------------------------------------------------------------------------ specialties

	@GetMapping("/{code}/specialties")
	String specialties(@PathVariable String code, Model model) {
		model.addAttribute("specialtyForm", new SpecialtyForm());
		return specialtiesPage(program(code), model);
	}

	@PostMapping("/{code}/specialties")
	String addSpecialty(@PathVariable String code, @ModelAttribute("specialtyForm") SpecialtyForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect) {
		Program program = program(code);
		if (result.hasErrors()) {
			return specialtiesPage(program, model);
		}
		try {
			setup.addSpecialty(program, form.getName(), form.getParentId(), user);
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return specialtiesPage(program, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("program.specialty.added", form.getName()));
		return "redirect:/programs/" + program.code() + "/specialties";
	}

	@PostMapping("/{code}/specialties/{id}/{state:enable|disable}")
	String toggleSpecialty(@PathVariable String code, @PathVariable long id, @PathVariable String state,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		Program program = program(code);
		boolean enable = "enable".equals(state);
		setup.setSpecialtyEnabled(program, id, enable, user);
		redirect.addFlashAttribute("flashSuccess",
				texts.get(enable ? "program.specialty.enabled" : "program.specialty.disabled"));
		return "redirect:/programs/" + program.code() + "/specialties";
	}

	private String specialtiesPage(Program program, Model model) {
		List<BatchStore.SpecialtyRow> rows = store.specialties(program);
		model.addAttribute("program", program);
		model.addAttribute("rows", treeOrder(rows));
		model.addAttribute("parents", program.treeCatalogue()
				? treeOrder(rows).stream().filter(row -> row.depth() < 4).toList() : List.of());
		return SPECIALTIES;
	}

	/** Rows in depth-first order, each parent followed by its children. */
	private static List<BatchStore.SpecialtyRow> treeOrder(List<BatchStore.SpecialtyRow> rows) {
		List<BatchStore.SpecialtyRow> ordered = new ArrayList<>();
		addChildren(null, rows, ordered);
		return ordered;
	}

	private static void addChildren(Long parent, List<BatchStore.SpecialtyRow> rows, List<BatchStore.SpecialtyRow> out) {
		for (BatchStore.SpecialtyRow row : rows) {
			if (java.util.Objects.equals(row.parentId(), parent)) {
				out.add(row);
				addChildren(row.id(), rows, out);
			}
		}
	}

	// ------------------------------------------------------------------------------------------ lookups

	private static Program program(String code) {
		return Program.ofCode(code).orElseThrow(() -> new AccessDeniedException("no such program"));
	}

	private BatchStore.CohortRow cohort(String code, long id) {
		Program program = program(code);
		return store.cohort(id)
			.filter(cohort -> cohort.program() == program)
			.orElseThrow(() -> new AccessDeniedException("no such cohort"));
	}

	private BatchView batchView(long id) {
		return batches.find(new BatchId(id)).orElseThrow(() -> new AccessDeniedException("no such batch"));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		return null;
	}
}
