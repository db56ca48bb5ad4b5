package cn.medrecruit.identity;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.shared.InputRejected;

/** The three registration steps: 实名验证 → 设置账号 → 完成. */
@Controller
class RegistrationController {

	static final String DRAFT = "medrecruit.registration";
	private static final String IDENTITY_VIEW = "register/identity";
	private static final String ACCOUNT_VIEW = "register/account";

	private final ApplicantRegistration registration;
	private final Captchas captchas;

	RegistrationController(ApplicantRegistration registration, Captchas captchas) {
		this.registration = registration;
		this.captchas = captchas;
	}

	static class IdentityForm {
		@NotBlank(message = "{validation.required}")
		@Size(max = 30, message = "{validation.size-max}")
		@Pattern(regexp = "[\\p{IsHan}·A-Za-z ]{2,30}", message = "{validation.real-name}")
		private String realName;
		@NotNull(message = "{validation.required}")
		private IdDocumentType idType = IdDocumentType.RESIDENT_ID;
		@NotBlank(message = "{validation.id-number.required}")
		@Size(max = 30, message = "{validation.size-max}")
		private String idNumber;
		private String captcha;

		public String getRealName() { return realName; }
		public void setRealName(String realName) { this.realName = realName; }
		public IdDocumentType getIdType() { return idType; }
		public void setIdType(IdDocumentType idType) { this.idType = idType; }
		public String getIdNumber() { return idNumber; }
		public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
		public String getCaptcha() { return captcha; }
		public void setCaptcha(String captcha) { this.captcha = captcha; }
	}

	static class AccountForm {
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{3,19}", message = "{validation.login-name}")
		private String loginName;
		@NotBlank(message = "{validation.required}")
		@Size(max = 64, message = "{validation.password.length}")
		private String password;
		@NotBlank(message = "{validation.required}")
		private String confirmPassword;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "1[3-9]\\d{9}", message = "{validation.phone}")
		private String phone;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "\\d{6}", message = "{sms.code.wrong}")
		private String smsCode;

		public String getLoginName() { return loginName; }
		public void setLoginName(String loginName) { this.loginName = loginName; }
		public String getPassword() { return password; }
		public void setPassword(String password) { this.password = password; }
		public String getConfirmPassword() { return confirmPassword; }
		public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
		public String getPhone() { return phone; }
		public void setPhone(String phone) { this.phone = phone; }
		public String getSmsCode() { return smsCode; }
		public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
	}

	@GetMapping("/register")
	String identity(Model model) {
		model.addAttribute("form", new IdentityForm());
		model.addAttribute("idTypes", IdDocumentType.values());
		return IDENTITY_VIEW;
	}

	@PostMapping("/register")
	String checkIdentity(@Valid @ModelAttribute("form") IdentityForm form, BindingResult result, HttpSession session,
			Model model) {
		model.addAttribute("idTypes", IdDocumentType.values());
		if (!captchas.verify(session, form.getCaptcha())) {
			result.rejectValue("captcha", "captcha.wrong");
		}
		if (result.hasErrors()) {
			return IDENTITY_VIEW;
		}
		try {
			session.setAttribute(DRAFT, registration.checkIdentity(form.getRealName(), form.getIdType(), form.getIdNumber()));
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return IDENTITY_VIEW;
		}
		return "redirect:/register/account";
	}

	@GetMapping("/register/account")
	String account(HttpSession session, Model model) {
		if (!(session.getAttribute(DRAFT) instanceof ApplicantRegistration.Identity identity)) {
			return "redirect:/register";
		}
		AccountForm form = new AccountForm();
		model.addAttribute("form", form);
		model.addAttribute("identity", identity);
		return ACCOUNT_VIEW;
	}

	@PostMapping("/register/account")
	String createAccount(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, HttpSession session,
			Model model, RedirectAttributes redirect) {
		if (!(session.getAttribute(DRAFT) instanceof ApplicantRegistration.Identity identity)) {
			return "redirect:/register";
		}
		model.addAttribute("identity", identity);
		if (result.hasErrors()) {
			return ACCOUNT_VIEW;
		}
		try {
			registration.register(identity, new ApplicantRegistration.AccountDetails(form.getLoginName(),
					form.getPassword(), form.getConfirmPassword(), form.getPhone(), form.getSmsCode()));
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return ACCOUNT_VIEW;
		}
		session.removeAttribute(DRAFT);
		redirect.addFlashAttribute("registeredLoginName", form.getLoginName().strip());
		return "redirect:/register/done";
	}

	@GetMapping("/register/done")
	String done(Model model) {
		if (!model.containsAttribute("registeredLoginName")) {
			return "redirect:/login";
		}
		return "register/done";
	}
}
