package cn.medrecruit.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import cn.medrecruit.shared.Texts;

/** 忘记密码: ID number + the phone on record + an SMS code sent to it. */
@Controller
class PasswordRecoveryController {

	private static final String VIEW = "account/forgot";

	private final Passwords passwords;
	private final Texts texts;

	PasswordRecoveryController(Passwords passwords, Texts texts) {
		this.passwords = passwords;
		this.texts = texts;
	}

	static class RecoveryForm {
		@NotBlank(message = "{validation.id-number.required}")
		@Size(max = 30, message = "{validation.size-max}")
		private String idNumber;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "1[3-9]\\d{9}", message = "{validation.phone}")
		private String phone;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "\\d{6}", message = "{sms.code.wrong}")
		private String smsCode;
		@NotBlank(message = "{validation.required}")
		@Size(max = 64, message = "{validation.password.length}")
		private String newPassword;
		@NotBlank(message = "{validation.required}")
		private String confirmPassword;

		public String getIdNumber() { return idNumber; }
		public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
		public String getPhone() { return phone; }
		public void setPhone(String phone) { this.phone = phone; }
		public String getSmsCode() { return smsCode; }
		public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
		public String getNewPassword() { return newPassword; }
		public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
		public String getConfirmPassword() { return confirmPassword; }
		public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
	}

	@GetMapping("/password/forgot")
	String form(Model model) {
		model.addAttribute("form", new RecoveryForm());
		return VIEW;
	}

	@PostMapping("/password/forgot")
	String recover(@Valid @ModelAttribute("form") RecoveryForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return VIEW;
		}
		try {
			passwords.recover(form.getIdNumber(), form.getPhone(), form.getSmsCode(), form.getNewPassword(),
					form.getConfirmPassword());
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return VIEW;
		}
		redirect.addFlashAttribute("flashSuccess",
				texts.get("account.password.recovered"));
		return "redirect:/login";
	}
}
