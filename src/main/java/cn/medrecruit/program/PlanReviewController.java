package cn.medrecruit.program;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.reporting.ChartData;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/** The province's side: the plans declared for a batch (approve, return) and the cities' quotas. */
@Controller
@RequestMapping("/programs/batches/{batchId}")
@PreAuthorize("@access.can('PROGRAM_CONFIGURE')")
class PlanReviewController {

	static final String PLANS = "program/batch-plans";
	static final String QUOTAS = "program/batch-quotas";

	private final PlanSetup setup;
	private final PlanStore store;
	private final Batches batches;
	private final Texts texts;

	PlanReviewController(PlanSetup setup, PlanStore store, Batches batches, Texts texts) {
		this.setup = setup;
		this.store = store;
		this.batches = batches;
		this.texts = texts;
	}

	/** A quota row to add or change; {@code version} is set when changing one from the list. */
	public static class QuotaForm {

		private Long cityId;
		private Long specialtyId;
		private String places;
		private Integer version;

		public Long getCityId() {
			return cityId;
		}

		public void setCityId(Long cityId) {
			this.cityId = cityId;
		}

		public Long getSpecialtyId() {
			return specialtyId;
		}

		public void setSpecialtyId(Long specialtyId) {
			this.specialtyId = specialtyId;
		}

		public String getPlaces() {
			return places;
		}

		public void setPlaces(String places) {
			this.places = places;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}
	}

	@InitBinder("quotaForm")
	void binder(WebDataBinder binder) {
		binder.setAllowedFields("cityId", "specialtyId", "places", "version");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	// ------------------------------------------------------------------------------------------------ plans

	/** One base's declaration with its rows in the batch's specialty order. */
	record BaseDeclaration(PlanStore.InstitutionRow base, PlanStore.Declaration declaration,
			List<PlanStore.PlanRow> rows, int places, int applied, int remaining) {
	}

	/** The totals of one specialty over the bases, approved plans only for applied and remaining. */
	record SpecialtyTotal(BatchView.Specialty specialty, int declared, int approved, int applied, int remaining) {
	}

	@GetMapping("/plans")
	String plans(@PathVariable long batchId, Model model) {
		BatchView batch = batch(batchId);
		List<PlanStore.PlanRow> all = store.plans(batchId);
		List<BaseDeclaration> declarations = store.declarations(batchId).stream().map(declaration -> {
			List<PlanStore.PlanRow> rows = all.stream().filter(row -> row.baseId() == declaration.baseId()).toList();
			return new BaseDeclaration(store.institution(declaration.baseId()).orElseThrow(), declaration, rows,
					rows.stream().mapToInt(PlanStore.PlanRow::places).sum(),
					rows.stream().mapToInt(PlanStore.PlanRow::appliedCount).sum(),
					rows.stream().mapToInt(PlanStore.PlanRow::remaining).sum());
		}).toList();
		List<SpecialtyTotal> totals = batch.specialties().stream().map(specialty -> {
			List<PlanStore.PlanRow> rows = all.stream().filter(row -> row.specialtyId() == specialty.id()).toList();
			List<PlanStore.PlanRow> approved = rows.stream().filter(row -> row.status() == PlanStatus.APPROVED).toList();
			return new SpecialtyTotal(specialty, rows.stream().mapToInt(PlanStore.PlanRow::places).sum(),
					approved.stream().mapToInt(PlanStore.PlanRow::places).sum(),
					approved.stream().mapToInt(PlanStore.PlanRow::appliedCount).sum(),
					approved.stream().mapToInt(PlanStore.PlanRow::remaining).sum());
		}).toList();
		model.addAttribute("batch", batch);
		model.addAttribute("declarations", declarations);
		model.addAttribute("totals", totals);
		model.addAttribute("totalsChart", ChartData.stackedBars(
				totals.stream().map(total -> total.specialty().name()).toList(),
				new ChartData.Series(texts.get("plan.review.chart.applied"),
						totals.stream().map(SpecialtyTotal::applied).toList()),
				new ChartData.Series(texts.get("plan.review.chart.remaining"),
						totals.stream().map(SpecialtyTotal::remaining).toList())));
		model.addAttribute("specialtyNames", specialtyNames(batch));
		return PLANS;
	}

	@PostMapping("/plans/{baseId}/approve")
	String approve(@PathVariable long batchId, @PathVariable long baseId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		BatchView batch = batch(batchId);
		try {
			setup.approve(batch.id(), baseId, version, user);
			redirect.addFlashAttribute("flashSuccess", texts.get("plan.approved"));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.get(rejected.messageKey(), rejected.arguments()));
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("flashError", texts.get("validation.stale"));
		}
		return "redirect:/programs/batches/" + batchId + "/plans#base-" + baseId;
	}

	@PostMapping("/plans/{baseId}/return")
	String giveBack(@PathVariable long batchId, @PathVariable long baseId, @RequestParam int version,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		BatchView batch = batch(batchId);
		try {
			setup.giveBack(batch.id(), baseId, version, reason == null ? null : reason.strip(), user);
			redirect.addFlashAttribute("flashSuccess", texts.get("plan.returned"));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.get(rejected.messageKey(), rejected.arguments()));
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("flashError", texts.get("validation.stale"));
		}
		return "redirect:/programs/batches/" + batchId + "/plans#base-" + baseId;
	}

	// ------------------------------------------------------------------------------------------------ quotas

	@GetMapping("/quotas")
	String quotas(@PathVariable long batchId, @RequestParam(required = false) Long city,
			@RequestParam(required = false) Long specialty, Model model) {
		BatchView batch = batch(batchId);
		QuotaForm form = new QuotaForm();
		if (city != null && specialty != null) {
			store.quota(batchId, city, specialty).ifPresent(row -> {
				form.setCityId(row.cityId());
				form.setSpecialtyId(row.specialtyId());
				form.setPlaces(String.valueOf(row.places()));
				form.setVersion(row.version());
			});
		}
		model.addAttribute("quotaForm", form);
		return quotasPage(batch, model);
	}

	@PostMapping("/quotas")
	String setQuota(@PathVariable long batchId, @ModelAttribute("quotaForm") QuotaForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		BatchView batch = batch(batchId);
		Integer places = null;
		if (form.getPlaces() == null) {
			result.rejectValue("places", "validation.required");
		}
		else {
			try {
				places = Integer.valueOf(form.getPlaces());
			}
			catch (NumberFormatException notANumber) {
				result.rejectValue("places", "quota.validation.places", new Object[] { PlanSetup.MAX_QUOTA }, null);
			}
		}
		if (form.getCityId() == null && !result.hasFieldErrors("cityId")) {
			result.rejectValue("cityId", "quota.validation.city");
		}
		if (form.getSpecialtyId() == null && !result.hasFieldErrors("specialtyId")) {
			result.rejectValue("specialtyId", "quota.validation.specialty");
		}
		if (result.hasErrors()) {
			return quotasPage(batch, model);
		}
		try {
			setup.setQuota(batch.id(), form.getCityId(), form.getSpecialtyId(), places, form.getVersion(), user);
			redirect.addFlashAttribute("flashSuccess", texts.get("quota.saved"));
			return "redirect:/programs/batches/" + batchId + "/quotas";
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException stale) {
			result.reject("validation.stale");
		}
		return quotasPage(batch, model);
	}

	private String quotasPage(BatchView batch, Model model) {
		List<PlanStore.City> cities = store.cities();
		Set<Long> cityIds = cities.stream().map(PlanStore.City::id).collect(Collectors.toSet());
		Map<Long, String> cityNames = new LinkedHashMap<>();
		cities.forEach(city -> cityNames.put(city.id(), city.name()));
		List<PlanStore.QuotaRow> rows = store.quotas(batch.id().value());
		rows.stream().filter(row -> !cityIds.contains(row.cityId())).forEach(row -> cityNames.put(row.cityId(),
				store.institution(row.cityId()).map(PlanStore.InstitutionRow::name).orElse("#" + row.cityId())));
		model.addAttribute("batch", batch);
		model.addAttribute("cities", cities);
		model.addAttribute("cityNames", cityNames);
		model.addAttribute("specialtyNames", specialtyNames(batch));
		model.addAttribute("rows", rows);
		model.addAttribute("totalPlaces", rows.stream().mapToInt(PlanStore.QuotaRow::places).sum());
		model.addAttribute("totalFilled", rows.stream().mapToInt(PlanStore.QuotaRow::filledCount).sum());
		model.addAttribute("totalRemaining", rows.stream().mapToInt(PlanStore.QuotaRow::remaining).sum());
		return QUOTAS;
	}

	// ------------------------------------------------------------------------------------------------ lookups

	private static Map<Long, String> specialtyNames(BatchView batch) {
		return batch.specialties().stream().collect(Collectors.toMap(BatchView.Specialty::id,
				BatchView.Specialty::name, (a, b) -> a, LinkedHashMap::new));
	}

	private BatchView batch(long id) {
		return batches.find(new BatchId(id)).orElseThrow(() -> new AccessDeniedException("no such batch"));
	}

}
