package cn.medrecruit.audit;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** 审计日志: search, and the integrity check of the hash chain. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("@access.can('AUDIT_VIEW')")
class AuditLogController {

	static final String VIEW = "audit/log";

	/** How many problems the page lists; the count is always shown in full. */
	static final int PROBLEMS_SHOWN = 200;

	/** Actions offered as suggestions in the search form. */
	static final List<String> KNOWN_ACTIONS = List.of("LOGIN", "LOGIN_FAILED", "ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED",
			"STAFF_ACCOUNT_CREATED", "PASSWORD_RESET", "ACCOUNT_ENABLED", "ACCOUNT_DISABLED", "PERMISSION_GRANTED",
			"PERMISSION_REVOKED", "INSTITUTION_ADDED", "INSTITUTION_CHANGED", "APPLICANT_ACCOUNT_LOOKED_UP",
			"AUDIT_VERIFIED");

	private final AuditLog log;
	private final AuditVerification verification;
	private final ApplicationEventPublisher events;

	AuditLogController(AuditLog log, AuditVerification verification, ApplicationEventPublisher events) {
		this.log = log;
		this.verification = verification;
		this.events = events;
	}

	@InitBinder("query")
	void queryFields(WebDataBinder binder) {
		binder.setAllowedFields("from", "to", "actor", "action", "outcome", "before");
	}

	@GetMapping
	String search(@ModelAttribute("query") AuditQuery query, Model model) {
		fill(query, model);
		return VIEW;
	}

	@PostMapping("/verify")
	String verify(Model model) {
		AuditVerification.Result result = verification.sealAndVerify();
		events.publishEvent(new AuditEvent("AUDIT_VERIFIED", "audit-chain",
				result.intact() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
				"checked=" + result.checked() + " problems=" + result.problems().size(), null));
		model.addAttribute("verification", result);
		model.addAttribute("problemsShown",
				result.problems().subList(0, Math.min(PROBLEMS_SHOWN, result.problems().size())));
		AuditQuery query = AuditQuery.all();
		model.addAttribute("query", query);
		fill(query, model);
		return VIEW;
	}

	private void fill(AuditQuery query, Model model) {
		model.addAttribute("page", log.search(query));
		model.addAttribute("outcomes", AuditEvent.Outcome.values());
		model.addAttribute("knownActions", KNOWN_ACTIONS);
		model.addAttribute("firstPage", query.before(null).toUri("/audit"));
	}
}
