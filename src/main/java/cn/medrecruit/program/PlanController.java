package cn.medrecruit.program;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.PlatformProperties;
import cn.medrecruit.shared.Texts;

/** 招生计划申报: a training base declares places per specialty for the batches open to it. */
@Controller
@RequestMapping("/plans")
@PreAuthorize("@access.can('PLAN_DECLARE')")
class PlanController {

	static final String LIST = "program/plans";
	static final String DECLARE = "program/plan-declare";

	private final PlanSetup setup;
	private final PlanStore store;
	private final Texts texts;
	private final ZoneId zone;

	PlanController(PlanSetup setup, PlanStore store, Texts texts, PlatformProperties properties) {
		this.setup = setup;
		this.store = store;
		this.texts = texts;
		this.zone = properties.timeZone();
	}

	/** One number per open specialty, kept as typed so a wrong one comes back beside its field. */
	public static class PlanForm {

		private Map<Long, String> places = new LinkedHashMap<>();
		private Integer version;

		public Map<Long, String> getPlaces() {
			return places;
		}

		public void setPlaces(Map<Long, String> places) {
			this.places = places;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}
	}

	@InitBinder("planForm")
	void binder(WebDataBinder binder) {
		binder.setAllowedFields("places*", "version");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	/** A batch in the base's list, with the base's declaration when there is one. */
	record Line(BatchView batch, PlanStore.Declaration declaration) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		PlanStore.InstitutionRow base = setup.base(user);
		List<Line> lines = setup.batchesFor(base)
			.stream()
			.map(batch -> new Line(batch, store.declaration(batch.id().value(), base.id()).orElse(null)))
			.toList();
		model.addAttribute("base", base);
		model.addAttribute("lines", lines);
		model.addAttribute("times", new Times(zone));
		return LIST;
	}

	@GetMapping("/batches/{id}")
	String declareForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		PlanStore.InstitutionRow base = setup.base(user);
		BatchView batch = setup.batchFor(id, base);
		Optional<PlanStore.Declaration> declaration = store.declaration(id, base.id());
		PlanForm form = new PlanForm();
		Map<Long, Integer> current = new LinkedHashMap<>();
		store.plans(id).stream().filter(row -> row.baseId() == base.id())
			.forEach(row -> current.put(row.specialtyId(), row.places()));
		for (BatchView.Specialty specialty : batch.specialties()) {
			Integer places = current.get(specialty.id());
			form.getPlaces().put(specialty.id(), places == null ? "" : String.valueOf(places));
		}
		form.setVersion(declaration.map(PlanStore.Declaration::version).orElse(null));
		model.addAttribute("planForm", form);
		return page(batch, base, model);
	}

	@PostMapping("/batches/{id}")
	String declare(@PathVariable long id, @ModelAttribute("planForm") PlanForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		PlanStore.InstitutionRow base = setup.base(user);
		BatchView batch = setup.batchFor(id, base);
		Map<Long, Integer> places = new LinkedHashMap<>();
		for (BatchView.Specialty specialty : batch.specialties()) {
			String field = "places[" + specialty.id() + "]";
			String raw = form.getPlaces().get(specialty.id());
			Integer value = null;
			if (raw == null) {
				result.rejectValue(field, "validation.required");
				continue;
			}
			try {
				value = Integer.valueOf(raw);
			}
			catch (NumberFormatException notANumber) {
				// fall through: refused below
			}
			if (value == null || value < 0 || value > PlanSetup.MAX_PLACES) {
				result.rejectValue(field, "plan.validation.places", new Object[] { PlanSetup.MAX_PLACES }, null);
				continue;
			}
			places.put(specialty.id(), value);
		}
		if (result.hasErrors()) {
			return page(batch, base, model);
		}
		try {
			setup.declare(batch.id(), places, form.getVersion(), user);
			redirect.addFlashAttribute("flashSuccess", texts.get("plan.declared", batch.name()));
			return "redirect:/plans/batches/" + id;
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException stale) {
			result.reject("validation.stale");
		}
		return page(batch, base, model);
	}

	private String page(BatchView batch, PlanStore.InstitutionRow base, Model model) {
		Optional<PlanStore.Declaration> declaration = store.declaration(batch.id().value(), base.id());
		boolean editable = declaration.map(d -> d.status() != PlanStatus.APPROVED).orElse(true)
				&& setup.openTo(batch, base);
		Map<Long, PlanStore.PlanRow> rows = new LinkedHashMap<>();
		store.plans(batch.id().value()).stream().filter(row -> row.baseId() == base.id())
			.forEach(row -> rows.put(row.specialtyId(), row));
		model.addAttribute("batch", batch);
		model.addAttribute("base", base);
		model.addAttribute("declaration", declaration.orElse(null));
		model.addAttribute("editable", editable);
		model.addAttribute("rows", rows);
		model.addAttribute("times", new Times(zone));
		return DECLARE;
	}
}
