package cn.medrecruit.organization;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.medrecruit.identity.AccountNames;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.IssuedPassword;

/** 机构管理: the institutions of the signed-in person's subtree: list, add, edit, disable/enable, reset password. */
@Controller
@RequestMapping("/org/institutions")
class InstitutionController {

	static final String LIST = "org/institutions";
	static final String NEW = "org/institution-new";
	static final String EDIT = "org/institution-edit";
	static final String ISSUED = "org/issued-password";

	private final InstitutionListing listing;
	private final InstitutionRegistry registry;
	private final RegionCatalogue regions;
	private final AccountNames accountNames;
	private final MessageSource messages;

	InstitutionController(InstitutionListing listing, InstitutionRegistry registry, RegionCatalogue regions,
			AccountNames accountNames, MessageSource messages) {
		this.listing = listing;
		this.registry = registry;
		this.regions = regions;
		this.accountNames = accountNames;
		this.messages = messages;
	}

	@InitBinder("institutionForm")
	void newFormBinder(WebDataBinder binder) {
		binder.setAllowedFields("code", "name", "kind", "baseCategory", "regionCode", "parentId", "reviewRights",
				"contactName", "contactPhone");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@InitBinder("editForm")
	void editFormBinder(WebDataBinder binder) {
		binder.setAllowedFields("name", "baseCategory", "contactName", "contactPhone", "version");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping
	@PreAuthorize("@access.can('UNIT_EDIT') or @access.can('UNIT_CREATE')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String enabled, @RequestParam(required = false) String after,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionQuery query = InstitutionQuery.of(q, kind, enabled, after);
		InstitutionListing.Page page = listing.page(query, user);
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("nextUrl", page.next() == null ? null : listUrl(page.next()));
		model.addAttribute("firstUrl", query.after() == null ? null : listUrl(query.firstPage()));
		model.addAttribute("kinds", InstitutionKind.values());
		model.addAttribute("ownInstitutionId", user.getInstitutionId());
		return LIST;
	}

	@GetMapping("/new")
	@PreAuthorize("@access.can('UNIT_CREATE')")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionForm form = new InstitutionForm();
		form.setKind(InstitutionKind.UNIT.name());
		form.setParentId(String.valueOf(user.getInstitutionId()));
		form.setRegionCode(ownRegion(user));
		model.addAttribute("institutionForm", form);
		return newPage(user, model);
	}

	@PostMapping("/new")
	@PreAuthorize("@access.can('UNIT_CREATE')")
	String add(@ModelAttribute("institutionForm") InstitutionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Optional<NewInstitution> command = check(form, result, user);
		if (command.isEmpty()) {
			return newPage(user, model);
		}
		try {
			InstitutionRegistry.Added added = registry.add(command.get(), user);
			return issued(command.get().name(), added.administrator(), "added", model);
		}
		catch (InstitutionConflict conflict) {
			result.rejectValue(conflict.field(), "institution.validation." + conflict.field() + "-taken");
		}
		catch (DataIntegrityViolationException raced) {
			result.reject("institution.validation.raced");
		}
		return newPage(user, model);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("@access.can('UNIT_EDIT')")
	String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionListing.Row institution = listing.find(new InstitutionId(id), user);
		model.addAttribute("editForm", InstitutionEditForm.of(institution));
		model.addAttribute("institution", institution);
		return EDIT;
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("@access.can('UNIT_EDIT')")
	String edit(@PathVariable long id, @ModelAttribute("editForm") InstitutionEditForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		InstitutionListing.Row institution = listing.find(new InstitutionId(id), user);
		model.addAttribute("institution", institution);
		InstitutionFields.name(form.getName(), result);
		BaseCategory category = InstitutionFields.baseCategory(institution.kind(), form.getBaseCategory(), result);
		InstitutionFields.contact(form.getContactName(), form.getContactPhone(), result);
		if (form.getVersion() == null) {
			result.reject("validation.stale");
		}
		if (result.hasErrors()) {
			return EDIT;
		}
		try {
			registry.change(new InstitutionId(id), form.getVersion(),
					new InstitutionChanges(form.getName(), category, form.getContactName(), form.getContactPhone()),
					user);
		}
		catch (OptimisticLockingFailureException stale) {
			result.reject("validation.stale");
			return EDIT;
		}
		catch (InstitutionConflict conflict) {
			result.rejectValue("name", "institution.validation.name-taken");
			return EDIT;
		}
		redirect.addFlashAttribute("flashSuccess", text("institution.saved", form.getName()));
		return "redirect:/org/institutions";
	}

	@PostMapping("/disable")
	@PreAuthorize("@access.can('UNIT_TOGGLE')")
	String disable(@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String enabled, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return toggle(ids, false, InstitutionQuery.of(q, kind, enabled, null), user, redirect);
	}

	@PostMapping("/enable")
	@PreAuthorize("@access.can('UNIT_TOGGLE')")
	String enable(@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String enabled, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return toggle(ids, true, InstitutionQuery.of(q, kind, enabled, null), user, redirect);
	}

	@PostMapping("/{id}/reset-password")
	@PreAuthorize("@access.can('ACCOUNT_RESET_PASSWORD')")
	String resetPassword(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionListing.Row institution = listing.find(new InstitutionId(id), user);
		IssuedPassword issued = registry.resetAdministratorPassword(new InstitutionId(id), user);
		return issued(institution.name(), issued, "reset", model);
	}

	private String toggle(List<Long> ids, boolean enable, InstitutionQuery back, CurrentUser user,
			RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("flashError", text("institution.toggle.none-selected"));
		}
		else {
			int changed = registry.setEnabled(new LinkedHashSet<>(ids), enable, user);
			redirect.addFlashAttribute("flashSuccess",
					text(enable ? "institution.toggle.enabled" : "institution.toggle.disabled", changed));
		}
		return "redirect:" + listUrl(back);
	}

	private String issued(String institutionName, IssuedPassword issued, String purpose, Model model) {
		model.addAttribute("institutionName", institutionName);
		model.addAttribute("issued", issued);
		model.addAttribute("purpose", purpose);
		return ISSUED;
	}

	/** Checks the form against the field rules and what this person may choose; empty when anything is wrong. */
	private Optional<NewInstitution> check(InstitutionForm form, BindingResult result, CurrentUser user) {
		boolean mayReview = registry.mayAddReviewingInstitutions(user);
		InstitutionFields.code(form.getCode(), result);
		if (!result.hasFieldErrors("code") && accountNames.isTaken(form.getCode())) {
			result.rejectValue("code", "institution.validation.code-taken");
		}
		InstitutionFields.name(form.getName(), result);
		InstitutionKind kind = Arrays.stream(InstitutionKind.values())
			.filter(candidate -> candidate.name().equals(form.getKind()))
			.findFirst()
			.orElse(null);
		if (kind == null) {
			result.rejectValue("kind", "institution.validation.kind");
		}
		else if (!kindsFor(mayReview).contains(kind)) {
			result.rejectValue("kind", "institution.validation.kind-not-allowed");
		}
		BaseCategory category = InstitutionFields.baseCategory(kind, form.getBaseCategory(), result);
		if (form.isReviewRights() && !mayReview) {
			result.rejectValue("reviewRights", "institution.validation.review-rights-not-allowed");
		}
		if (form.getRegionCode() == null
				|| regionsFor(user).stream().noneMatch(region -> region.code().equals(form.getRegionCode()))) {
			result.rejectValue("regionCode", "institution.validation.region");
		}
		Long parentId = form.getParentId() != null && form.getParentId().matches("[0-9]{1,18}")
				? Long.valueOf(form.getParentId()) : null;
		Optional<InstitutionListing.Row> parent = listing.possibleParents(user)
			.stream()
			.filter(candidate -> parentId != null && candidate.id() == parentId)
			.findFirst();
		if (parent.isEmpty()) {
			result.rejectValue("parentId", "institution.validation.parent");
		}
		else if (!result.hasFieldErrors("regionCode") && regions.within(parent.get().regionCode())
			.stream()
			.noneMatch(region -> region.code().equals(form.getRegionCode()))) {
			result.rejectValue("regionCode", "institution.validation.region-outside-parent");
		}
		InstitutionFields.contact(form.getContactName(), form.getContactPhone(), result);
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new NewInstitution(form.getCode(), form.getName(), kind, category, form.getRegionCode(),
				parentId, form.isReviewRights(), form.getContactName(), form.getContactPhone()));
	}

	private String newPage(CurrentUser user, Model model) {
		boolean mayReview = registry.mayAddReviewingInstitutions(user);
		model.addAttribute("kinds", kindsFor(mayReview));
		model.addAttribute("mayGrantReviewRights", mayReview);
		model.addAttribute("categories", BaseCategory.values());
		model.addAttribute("regions", regionsFor(user));
		model.addAttribute("parents", listing.possibleParents(user));
		return NEW;
	}

	private static List<InstitutionKind> kindsFor(boolean mayReview) {
		return mayReview ? List.of(InstitutionKind.values()) : List.of(InstitutionKind.UNIT);
	}

	/** The region of the person's own institution and every region below it. */
	private List<RegionCatalogue.Region> regionsFor(CurrentUser user) {
		String own = ownRegion(user);
		return own == null ? List.of() : regions.within(own);
	}

	private String ownRegion(CurrentUser user) {
		if (user.getInstitutionId() == null) {
			return null;
		}
		return listing.find(new InstitutionId(user.getInstitutionId()), user).regionCode();
	}

	private static String listUrl(InstitutionQuery query) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/org/institutions");
		if (query.keyword() != null) {
			url.queryParam("q", query.keyword());
		}
		if (query.kind() != null) {
			url.queryParam("kind", query.kind().name());
		}
		if (query.enabled() != null) {
			url.queryParam("enabled", query.enabled());
		}
		if (query.after() != null) {
			url.queryParam("after", query.after());
		}
		return url.build().encode().toUriString();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
