package cn.medrecruit.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/** The signed-in person's own account: password change and, for staff, the profile. */
@Controller
class AccountController {

	private static final String PASSWORD_VIEW = "account/password";
	private static final String PROFILE_VIEW = "account/profile";

	private final Passwords passwords;
	private final StaffProfile staffProfile;
	private final AccountDirectory directory;
	private final SignedInSession signedIn;
	private final Texts texts;

	AccountController(Passwords passwords, StaffProfile staffProfile, AccountDirectory directory,
			SignedInSession signedIn, Texts texts) {
		this.passwords = passwords;
		this.staffProfile = staffProfile;
		this.directory = directory;
		this.signedIn = signedIn;
		this.texts = texts;
	}

	static class PasswordForm {
		@NotBlank(message = "{validation.required}")
		@Size(max = 64, message = "{validation.password.length}")
		private String oldPassword;
		@NotBlank(message = "{validation.required}")
		@Size(max = 64, message = "{validation.password.length}")
		private String newPassword;
		@NotBlank(message = "{validation.required}")
		private String confirmPassword;

		public String getOldPassword() { return oldPassword; }
		public void setOldPassword(String oldPassword) { this.oldPassword = oldPassword; }
		public String getNewPassword() { return newPassword; }
		public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
		public String getConfirmPassword() { return confirmPassword; }
		public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
	}

	static class ProfileForm {
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "[\\p{IsHan}·A-Za-z ]{2,30}", message = "{validation.real-name}")
		private String realName;
		@NotBlank(message = "{validation.required}")
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = "[\\p{IsHan}A-Za-z0-9（）()·\\- ]*", message = "{validation.invalid-characters}")
		private String post;
		@NotBlank(message = "{validation.required}")
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = "[\\p{IsHan}A-Za-z0-9（）()·\\- ]*", message = "{validation.invalid-characters}")
		private String department;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "1[3-9]\\d{9}", message = "{validation.phone}")
		private String phone;

		public String getRealName() { return realName; }
		public void setRealName(String realName) { this.realName = realName; }
		public String getPost() { return post; }
		public void setPost(String post) { this.post = post; }
		public String getDepartment() { return department; }
		public void setDepartment(String department) { this.department = department; }
		public String getPhone() { return phone; }
		public void setPhone(String phone) { this.phone = phone; }
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm());
		return PASSWORD_VIEW;
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return PASSWORD_VIEW;
		}
		try {
			passwords.change(user.getId(), form.getOldPassword(), form.getNewPassword(), form.getConfirmPassword());
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return PASSWORD_VIEW;
		}
		CurrentUser refreshed = directory.reload(user.getAccountId());
		signedIn.replace(refreshed, request, response);
		redirect.addFlashAttribute("flashSuccess", text("account.password.changed"));
		return "redirect:" + PendingStepFilter.targetOf(refreshed.getPendingStep());
	}

	@GetMapping("/account/profile")
	String profileForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireStaff(user);
		StaffProfile.Details details = staffProfile.of(user.getId());
		ProfileForm form = new ProfileForm();
		form.setRealName(details.realName());
		form.setPost(details.post());
		form.setDepartment(details.department());
		form.setPhone(details.phone());
		model.addAttribute("form", form);
		return PROFILE_VIEW;
	}

	@PostMapping("/account/profile")
	String saveProfile(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		requireStaff(user);
		if (result.hasErrors()) {
			return PROFILE_VIEW;
		}
		staffProfile.save(user.getId(),
				new StaffProfile.Details(form.getRealName(), form.getPost(), form.getDepartment(), form.getPhone()));
		signedIn.replace(directory.reload(user.getAccountId()), request, response);
		redirect.addFlashAttribute("flashSuccess", text("account.profile.saved"));
		return "redirect:/";
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("the staff profile is for staff accounts");
		}
	}

	private String text(String key) {
		return texts.get(key);
	}
}
