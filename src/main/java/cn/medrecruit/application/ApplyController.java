package cn.medrecruit.application;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.ProfileCompleteness;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.OpenBatch;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.program.Placements;
import cn.medrecruit.program.PlanLine;
import cn.medrecruit.program.SupplementaryFields;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.Reviews;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * 我要报名: the batches open now, then five steps, each a page whose answers are kept in the draft application;
 * 招收查询 and 报名状态 with 取消报名. Refusals come back as a message above the step they were made on.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class ApplyController {

	static final List<String> STEPS = List.of("application.step.batch", "application.step.person-type",
			"application.step.profile", "application.step.supplement", "application.step.choices");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Applications applications;
	private final Batches batches;
	private final Placements placements;
	private final ApplicantProfiles profiles;
	private final SupplementaryFields fields;
	private final Texts texts;
	private final Reviews reviews;
	private final Clock clock;

	ApplyController(Applications applications, Batches batches, Placements placements, ApplicantProfiles profiles,
			SupplementaryFields fields, Texts texts, Reviews reviews, Clock clock) {
		this.reviews = reviews;
		this.applications = applications;
		this.batches = batches;
		this.placements = placements;
		this.profiles = profiles;
		this.fields = fields;
		this.texts = texts;
		this.clock = clock;
	}

	/** One open batch on the first page, with what keeps the applicant from applying. */
	record BatchRow(OpenBatch open, BatchView batch, ProfileCompleteness.Answer profile,
			ApplicationView application, List<BatchRules.TypeAnswer> eligibility) {

		public boolean submitted() {
			return application != null && application.status() != ApplicationStatus.DRAFT
					&& application.status() != ApplicationStatus.CANCELLED;
		}

		public boolean eligible() {
			return eligibility.stream().anyMatch(BatchRules.TypeAnswer::eligible);
		}
	}

	// ------------------------------------------------------------------------------------------ step 1

	@GetMapping("/apply")
	String batches(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<BatchRow> rows = new ArrayList<>();
		for (OpenBatch open : batches.openForRegistration(clock.instant())) {
			batches.find(open.id()).ifPresent(batch -> rows.add(new BatchRow(open, batch,
					applications.profileFor(user.getId(), batch),
					applications.findFor(user.getId(), open.id()).orElse(null),
					applications.eligibility(user.getId(), batch))));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("steps", STEPS);
		model.addAttribute("times", this);
		return "application/batches";
	}

	@PostMapping("/apply/batches/{batchId}")
	String start(@AuthenticationPrincipal CurrentUser user, @PathVariable long batchId, RedirectAttributes redirect) {
		try {
			ApplicationView application = applications.start(user.getId(), new BatchId(batchId), user);
			if (!application.status().editable()) {
				return "redirect:/applications/" + application.id();
			}
			return "redirect:/apply/" + application.id() + "/person-type";
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
			return "redirect:/apply";
		}
	}

	// ------------------------------------------------------------------------------------------ steps 2 to 5

	@GetMapping("/apply/{id}/person-type")
	String personType(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ApplicationView application = own(user, id);
		batches.find(application.batchId())
			.ifPresent(batch -> model.addAttribute("eligibility", applications.eligibility(user.getId(), batch)));
		return step(user, id, 2, model, "application/person-type");
	}

	@PostMapping("/apply/{id}/person-type")
	String choosePersonType(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) PersonType personType, RedirectAttributes redirect) {
		own(user, id);
		return act(redirect, "/apply/" + id + "/person-type", "/apply/" + id + "/profile", () -> {
			if (personType == null) {
				throw new InputRejected("personType", "application.validation.person-type");
			}
			applications.choosePersonType(user.getId(), id, personType);
			return null;
		});
	}

	@GetMapping("/apply/{id}/profile")
	String profile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ApplicationView application = own(user, id);
		if (application.personType() == null) {
			return "redirect:/apply/" + id + "/person-type";
		}
		model.addAttribute("view", profiles.view(user.getId()));
		model.addAttribute("returnPath", "/apply/" + id + "/profile");
		return step(user, id, 3, model, "application/profile");
	}

	@PostMapping("/apply/{id}/profile")
	String confirmProfile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		ApplicationView application = own(user, id);
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		return act(redirect, "/apply/" + id + "/profile", "/apply/" + id + "/supplement", () -> {
			if (!applications.profileFor(user.getId(), batch).complete()) {
				throw new InputRejected("profile", "application.refused.profile");
			}
			return null;
		});
	}

	@GetMapping("/apply/{id}/supplement")
	String supplement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ApplicationView application = own(user, id);
		if (application.personType() == null) {
			return "redirect:/apply/" + id + "/person-type";
		}
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		model.addAttribute("inputs", fields.inputs(batch, application.fields()));
		model.addAttribute("errors", Map.of());
		return step(user, id, 4, model, "application/supplement");
	}

	/**
	 * Saves step 4 and goes on ({@code back} absent) or back to step 3; values that do not pass come back with their
	 * messages beside them.
	 */
	@PostMapping("/apply/{id}/supplement")
	String saveSupplement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam Map<String, String> parameters, Model model, RedirectAttributes redirect) {
		ApplicationView application = own(user, id);
		boolean back = parameters.containsKey("back");
		Map<String, String> values = values(parameters);
		try {
			applications.saveSupplement(user.getId(), id, values, !back);
			return "redirect:/apply/" + id + (back ? "/profile" : "/choices");
		}
		catch (SupplementaryFields.FieldsRejected rejected) {
			Map<String, String> errors = new LinkedHashMap<>();
			rejected.findings()
				.forEach(finding -> errors.putIfAbsent(finding.field(),
						texts.get(finding.messageKey(), finding.arguments())));
			BatchView batch = batches.find(application.batchId()).orElseThrow();
			model.addAttribute("inputs", fields.inputs(batch, values));
			model.addAttribute("errors", errors);
			return step(user, id, 4, model, "application/supplement");
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
			return "redirect:/apply/" + id + "/supplement";
		}
	}

	/** The dependent exam selects again for the values chosen so far (htmx swaps them in place). */
	@GetMapping("/apply/{id}/supplement/path")
	String supplementPath(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam Map<String, String> parameters, Model model) {
		ApplicationView application = own(user, id);
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		model.addAttribute("app", application);
		model.addAttribute("inputs", fields.inputs(batch, values(parameters)));
		model.addAttribute("errors", Map.of());
		return "application/fragments :: supplement-path";
	}

	@GetMapping("/apply/{id}/choices")
	String choices(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ApplicationView application = own(user, id);
		if (application.personType() == null) {
			return "redirect:/apply/" + id + "/person-type";
		}
		model.addAttribute("plans", application.specialtyId() == null ? List.of()
				: placements.plansFor(application.batchId(), application.specialtyId()));
		return step(user, id, 5, model, "application/choices");
	}

	@PostMapping("/apply/{id}/specialty")
	String chooseSpecialty(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long specialtyId, RedirectAttributes redirect) {
		own(user, id);
		return act(redirect, "/apply/" + id + "/choices", "/apply/" + id + "/choices", () -> {
			if (specialtyId == null) {
				throw new InputRejected("specialtyId", "application.validation.specialty");
			}
			applications.chooseSpecialty(user.getId(), id, specialtyId);
			return null;
		});
	}

	@PostMapping("/apply/{id}/choices")
	String chooseBases(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "choice", required = false) List<String> choice,
			@RequestParam(required = false) Boolean acceptAdjustment, RedirectAttributes redirect) {
		own(user, id);
		List<Long> ranked = new ArrayList<>();
		for (String value : choice == null ? List.<String>of() : choice) {
			ranked.add(value == null || value.isBlank() ? null : Long.valueOf(value.strip()));
		}
		return act(redirect, "/apply/" + id + "/choices", "/apply/" + id + "/review", () -> {
			applications.chooseBases(user.getId(), id, ranked, acceptAdjustment);
			return null;
		});
	}

	@GetMapping("/apply/{id}/review")
	String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ApplicationView application = own(user, id);
		if (application.firstChoice() == null) {
			return "redirect:/apply/" + id + "/choices";
		}
		model.addAttribute("view", profiles.view(user.getId()));
		return step(user, id, 5, model, "application/review");
	}

	@PostMapping("/apply/{id}/submit")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		own(user, id);
		try {
			boolean submitted = applications.submit(user.getId(), id, user);
			redirect.addFlashAttribute("flashSuccess",
					texts.get(submitted ? "application.submitted" : "application.already-submitted"));
			return "redirect:/applications/" + id;
		}
		catch (InputRejected refused) {
			// a refusal about the choices (a full city quota) is shown next to them
			redirect.addFlashAttribute("choices".equals(refused.field()) ? "choicesError" : "flashError",
					texts.get(refused.messageKey(), refused.arguments()));
			return "redirect:/apply/" + id + "/review";
		}
	}

	// ------------------------------------------------------------------------------------------ 招收查询, 报名状态

	@GetMapping("/applications")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<ApplicationView> mine = applications.of(user.getId());
		Map<Long, BatchView> batchesById = new LinkedHashMap<>();
		mine.forEach(application -> batches.find(application.batchId())
			.ifPresent(batch -> batchesById.put(batch.id().value(), batch)));
		model.addAttribute("applications", mine);
		model.addAttribute("batches", batchesById);
		model.addAttribute("times", this);
		return "application/list";
	}

	@GetMapping("/applications/{id}")
	String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ApplicationView application = applications.find(user.getId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		model.addAttribute("app", application);
		model.addAttribute("batch", batch);
		model.addAttribute("history", applications.history(id));
		model.addAttribute("baseNames", baseNames(application));
		model.addAttribute("specialtyName", specialtyName(batch, application));
		model.addAttribute("supplement", fields.shown(batch, application.fields()));
		model.addAttribute("cancellable", application.status() == ApplicationStatus.SUBMITTED
				&& batches.registrationOpen(application.batchId(), clock.instant())
				&& !reviews.anyDecision(RequestKind.APPLICATION, id));
		model.addAttribute("progress", reviews.progress(RequestKind.APPLICATION, id).orElse(null));
		model.addAttribute("times", this);
		return "application/status";
	}

	@PostMapping("/applications/{id}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		own(user, id);
		return act(redirect, "/applications/" + id, "/applications/" + id, () -> {
			applications.cancel(user.getId(), id, user);
			redirect.addFlashAttribute("flashSuccess", texts.get("application.cancelled"));
			return null;
		});
	}

	@PostMapping("/applications/{id}/resubmit")
	String resubmit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		own(user, id);
		return act(redirect, "/applications/" + id, "/applications/" + id, () -> {
			applications.resubmit(user.getId(), id, user);
			redirect.addFlashAttribute("flashSuccess", texts.get("application.resubmitted"));
			return null;
		});
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** The {@code values[key]} parameters of the step-4 form, by key. */
	private static Map<String, String> values(Map<String, String> parameters) {
		Map<String, String> values = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("values[") && name.endsWith("]")) {
				values.put(name.substring(7, name.length() - 1), value);
			}
		});
		return values;
	}

	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant.atZone(clock.getZone()));
	}

	public String format(cn.medrecruit.program.Window window) {
		return window == null ? "" : format(window.start()) + " – " + format(window.end());
	}

	/** The applicant's own application, or 404 whatever the reason (someone else's ids are not revealed). */
	private ApplicationView own(CurrentUser user, long id) {
		return applications.find(user.getId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String step(CurrentUser user, long id, int current, Model model, String view) {
		ApplicationView application = own(user, id);
		if (!application.status().editable()) {
			return "redirect:/applications/" + id;
		}
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		model.addAttribute("app", application);
		model.addAttribute("batch", batch);
		model.addAttribute("steps", STEPS);
		model.addAttribute("current", current);
		model.addAttribute("profileAnswer", applications.profileFor(user.getId(), batch));
		model.addAttribute("baseNames", baseNames(application));
		model.addAttribute("specialtyName", specialtyName(batch, application));
		model.addAttribute("supplement", fields.shown(batch, application.fields()));
		model.addAttribute("times", this);
		return view;
	}

	private Map<Long, String> baseNames(ApplicationView application) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (application.specialtyId() != null) {
			for (PlanLine line : placements.plansFor(application.batchId(), application.specialtyId())) {
				names.put(line.baseId(), line.baseName());
			}
		}
		return names;
	}

	private static String specialtyName(BatchView batch, ApplicationView application) {
		return batch.specialties()
			.stream()
			.filter(specialty -> application.specialtyId() != null && specialty.id() == application.specialtyId())
			.map(BatchView.Specialty::name)
			.findFirst()
			.orElse("");
	}

	private String act(RedirectAttributes redirect, String back, String next, Supplier<Void> action) {
		try {
			action.get();
			return "redirect:" + next;
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
			return "redirect:" + back;
		}
	}

}
