package cn.medrecruit.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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

import cn.medrecruit.audit.AuditEvent;

/** 账号管理: the staff accounts of the signed-in person's subtree, and 新增审核账号. */
@Controller
@RequestMapping("/admin/accounts")
class StaffAccountController {

	static final String LIST = "admin/accounts";
	static final String NEW = "admin/account-new";
	static final String ISSUED = "admin/password-issued";

	private static final String PATH = "/admin/accounts";

	private final StaffAccountSearch search;
	private final StaffAccounts staffAccounts;
	private final InstitutionLookup institutions;
	private final AccountDirectory directory;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final StaffAccountExport export;

	StaffAccountController(StaffAccountSearch search, StaffAccounts staffAccounts, InstitutionLookup institutions,
			AccountDirectory directory, ApplicationEventPublisher events, MessageSource messages,
			StaffAccountExport export) {
		this.search = search;
		this.export = export;
		this.staffAccounts = staffAccounts;
		this.institutions = institutions;
		this.directory = directory;
		this.events = events;
		this.messages = messages;
	}

	@InitBinder("query")
	void queryFields(WebDataBinder binder) {
		binder.setAllowedFields("q", "institution", "status", "after");
	}

	@InitBinder("form")
	void formFields(WebDataBinder binder) {
		binder.setAllowedFields("loginName", "displayName", "institutionId", "roles");
	}

	@GetMapping
	@PreAuthorize("@access.can('ACCOUNT_CREATE') or @access.can('ACCOUNT_TOGGLE') or @access.can('ACCOUNT_RESET_PASSWORD')")
	String list(@ModelAttribute("query") StaffAccountQuery query, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		fillList(query, user, model);
		return LIST;
	}

	/** The system administrator finds an applicant account to unlock it; by POST, so no ID number lands in a URL. */
	@PostMapping("/applicant")
	@PreAuthorize("hasRole('SYSTEM_ADMIN') and (@access.can('ACCOUNT_TOGGLE') or @access.can('ACCOUNT_RESET_PASSWORD'))")
	String findApplicant(@RequestParam(name = "applicant", defaultValue = "") String input,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		StaffAccountQuery query = StaffAccountQuery.all();
		model.addAttribute("query", query);
		fillList(query, user, model);
		model.addAttribute("applicantSearched", true);
		model.addAttribute("applicantAccount", search.findApplicant(input, user).orElse(null));
		return LIST;
	}

	/** 导出: every page of the list with the filters on screen, as .xlsx. */
	@GetMapping("/export")
	@PreAuthorize("@access.can('ACCOUNT_CREATE') or @access.can('ACCOUNT_TOGGLE') or @access.can('ACCOUNT_RESET_PASSWORD')")
	void export(@ModelAttribute("query") StaffAccountQuery query, Authentication authentication,
			HttpServletResponse response) throws IOException {
		export.download(query, query.after(null).toUri(PATH), authentication, response);
	}

	@PostMapping("/{id}/password")
	@PreAuthorize("@access.can('ACCOUNT_RESET_PASSWORD')")
	String resetPassword(@PathVariable long id, @ModelAttribute("query") StaffAccountQuery query,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		IssuedPassword issued = denialsAudited("PASSWORD_RESET", id,
				() -> staffAccounts.resetPassword(new AccountId(id), user));
		model.addAttribute("issued", issued);
		model.addAttribute("created", false);
		model.addAttribute("backUrl", query.toUri(PATH));
		return ISSUED;
	}

	@PostMapping("/{id}/enabled")
	@PreAuthorize("@access.can('ACCOUNT_TOGGLE')")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled,
			@ModelAttribute("query") StaffAccountQuery query, @RequestParam(defaultValue = "") String loginName,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		denialsAudited(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", id, () -> {
			staffAccounts.setEnabled(new AccountId(id), enabled, user);
			return null;
		});
		redirect.addFlashAttribute("flashSuccess",
				text(enabled ? "admin.accounts.enabled-done" : "admin.accounts.disabled-done", loginName));
		return "redirect:" + query.toUri(PATH);
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize("@access.can('ACCOUNT_TOGGLE')")
	String unlock(@PathVariable long id, @ModelAttribute("query") StaffAccountQuery query,
			@RequestParam(defaultValue = "") String loginName, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		denialsAudited("ACCOUNT_UNLOCKED", id, () -> {
			staffAccounts.unlock(new AccountId(id), user);
			return null;
		});
		redirect.addFlashAttribute("flashSuccess", text("admin.accounts.unlocked-done", loginName));
		return "redirect:" + query.toUri(PATH);
	}

	@GetMapping("/new")
	@PreAuthorize("@access.can('ACCOUNT_CREATE')")
	String newAccount(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", new NewStaffAccountForm());
		fillForm(user, model);
		return NEW;
	}

	@PostMapping("/new")
	@PreAuthorize("@access.can('ACCOUNT_CREATE')")
	String create(@Valid @ModelAttribute("form") NewStaffAccountForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		if (!staffAccounts.grantableRoles(user).containsAll(form.getRoles())) {
			// the form only offers grantable roles: anything else is a forged request
			throw new AccessDeniedException("role not grantable");
		}
		// a login name may not equal another login name, nor an applicant's ID number (both sign in by it)
		if (!errors.hasFieldErrors("loginName") && directory.find(form.getLoginName()).isPresent()) {
			errors.rejectValue("loginName", "validation.login-name.taken");
		}
		if (errors.hasErrors()) {
			fillForm(user, model);
			return NEW;
		}
		IssuedPassword issued;
		try {
			issued = staffAccounts.create(form.toCommand(), user);
		}
		catch (DuplicateKeyException e) {
			// somebody took the name between the check and the insert
			errors.rejectValue("loginName", "validation.login-name.taken");
			fillForm(user, model);
			return NEW;
		}
		model.addAttribute("issued", issued);
		model.addAttribute("created", true);
		model.addAttribute("institutionName", institutions.find(form.getInstitutionId())
			.map(InstitutionLookup.InstitutionRef::name)
			.orElse(""));
		model.addAttribute("backUrl", PATH);
		return ISSUED;
	}

	private void fillList(StaffAccountQuery query, CurrentUser user, Model model) {
		model.addAttribute("page", search.search(query, user));
		model.addAttribute("institutions", choices(user, false));
		model.addAttribute("statuses", StaffAccountQuery.Status.values());
		model.addAttribute("firstPage", query.after(null).toUri(PATH));
		model.addAttribute("exportUrl", query.after(null).toUri(PATH + "/export"));
		model.addAttribute("isSystemAdmin", user.has(Role.SYSTEM_ADMIN));
		model.addAttribute("applicantSearched", false);
	}

	private void fillForm(CurrentUser user, Model model) {
		model.addAttribute("institutions", choices(user, true));
		model.addAttribute("grantableRoles", List.copyOf(staffAccounts.grantableRoles(user)));
	}

	/** The institutions of the user's subtree, indented by depth below the user's own institution. */
	private List<InstitutionChoice> choices(CurrentUser user, boolean enabledOnly) {
		String scope = user.getScopePath();
		if (scope == null) {
			return List.of();
		}
		int base = depth(scope);
		return institutions.inScope(scope)
			.stream()
			.filter(institution -> !enabledOnly || institution.enabled())
			.map(institution -> new InstitutionChoice(institution.id(),
					"\u3000".repeat(Math.max(0, depth(institution.scopePath()) - base)) + institution.name()))
			.toList();
	}

	private static int depth(String path) {
		return (int) path.chars().filter(c -> c == '/').count();
	}

	record InstitutionChoice(long id, String label) {
	}

	private interface Action<T> {
		T run();
	}

	/** A refused action on an account is itself worth a line in the audit log. */
	private <T> T denialsAudited(String action, long accountId, Action<T> body) {
		try {
			return body.run();
		}
		catch (AccessDeniedException e) {
			events.publishEvent(new AuditEvent(action, "account:" + accountId, AuditEvent.Outcome.DENIED,
					e.getMessage(), null));
			throw e;
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
