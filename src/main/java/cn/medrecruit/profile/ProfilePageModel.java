package cn.medrecruit.profile;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import cn.medrecruit.identity.CurrentUser;

/** Every profile page shows the profile, its completeness by section and, when frozen, why. */
@ControllerAdvice(assignableTypes = { ProfileController.class, DocumentController.class })
class ProfilePageModel {

	private final ApplicantProfiles profiles;
	private final ProfileCompleteness completeness;
	private final ProfileDocuments documents;

	ProfilePageModel(ApplicantProfiles profiles, ProfileCompleteness completeness, ProfileDocuments documents) {
		this.profiles = profiles;
		this.completeness = completeness;
		this.documents = documents;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "return", required = false) String back, Model model) {
		if (user == null || !user.isApplicant()) {
			return;
		}
		model.addAttribute("returnTo", ReturnPath.safe(back));
		ProfileView view = profiles.view(user.getId());
		model.addAttribute("view", view);
		// the overview covers every section, so it is measured against the program that asks for all of them
		model.addAttribute("completeness", completeness.check(view, ProgramProfile.QUALIFICATION_EXAM));
		model.addAttribute("sections", ProgramProfile.Section.values());
		model.addAttribute("evidence", evidenceOf(user));
	}

	/** Which evidence images are present: "SLOT" and, per education record, "SLOT-recordId". */
	private Set<String> evidenceOf(CurrentUser user) {
		Set<String> present = new HashSet<>();
		for (ProfileDocument document : documents.findByAccountIdOrderById(user.getAccountId())) {
			present.add(document.slot.name());
			if (document.educationRecordId != null) {
				present.add(document.slot.name() + "-" + document.educationRecordId);
			}
		}
		return present;
	}
}
