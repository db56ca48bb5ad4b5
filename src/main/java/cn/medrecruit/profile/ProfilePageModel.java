package cn.medrecruit.profile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.medrecruit.identity.CurrentUser;

/** Every profile page shows the profile, its completeness by section and, when frozen, why. */
@ControllerAdvice(assignableTypes = { ProfileController.class, DocumentController.class })
class ProfilePageModel {

	private final ApplicantProfiles profiles;
	private final ProfileCompleteness completeness;

	ProfilePageModel(ApplicantProfiles profiles, ProfileCompleteness completeness) {
		this.profiles = profiles;
		this.completeness = completeness;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user == null || !user.isApplicant()) {
			return;
		}
		ProfileView view = profiles.view(user.getId());
		model.addAttribute("view", view);
		// the overview covers every section, so it is measured against the program that asks for all of them
		model.addAttribute("completeness", completeness.check(view, ProgramProfile.QUALIFICATION_EXAM));
		model.addAttribute("sections", ProgramProfile.Section.values());
	}
}
