package cn.medrecruit.profile;

import java.time.YearMonth;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.identity.ApplicantDirectory;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.IdDocumentType;
import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.Choices.MaritalStatus;
import cn.medrecruit.profile.Choices.PoliticalStatus;
import cn.medrecruit.profile.Choices.PracticeCategory;
import cn.medrecruit.profile.Choices.StudyForm;
import cn.medrecruit.profile.ProfileForms.BasicForm;
import cn.medrecruit.profile.ProfileForms.ContactForm;
import cn.medrecruit.profile.ProfileForms.EducationForm;
import cn.medrecruit.profile.ProfileForms.PhoneForm;
import cn.medrecruit.profile.ProfileForms.PracticeForm;
import cn.medrecruit.profile.ProfileForms.WorkForm;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/** The applicant's own profile pages: an overview with completeness badges and one page per section. */
@Controller
@RequestMapping("/profile")
@PreAuthorize("hasRole('APPLICANT')")
class ProfileController {

	private final ApplicantProfiles profiles;
	private final ApplicantDirectory applicants;
	private final Texts texts;

	ProfileController(ApplicantProfiles profiles, ApplicantDirectory applicants, Texts texts) {
		this.profiles = profiles;
		this.applicants = applicants;
		this.texts = texts;
	}

	@GetMapping
	String overview() {
		return "profile/overview";
	}

	@GetMapping("/basic")
	String basic(@ModelAttribute("view") ProfileView view, Model model) {
		ProfileView.Data p = view.data();
		BasicForm form = new BasicForm();
		form.gender = p.gender() != null ? p.gender() : view.identity().gender();
		form.birthDate = p.birthDate() != null ? p.birthDate() : view.identity().birthDate();
		form.ethnicity = p.ethnicity();
		form.politicalStatus = p.politicalStatus();
		form.maritalStatus = p.maritalStatus();
		form.householdRegistration = p.householdRegistration();
		form.xuexinCode = p.xuexinCode();
		model.addAttribute("form", form);
		return basicView(model);
	}

	@PostMapping("/basic")
	String saveBasic(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") BasicForm form,
			BindingResult result, @RequestParam(name = "return", required = false) String back, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && saved(result, () -> profiles.saveBasic(user.getId(), form.toSection(), user))) {
			return done(redirect, back);
		}
		return basicView(model);
	}

	@GetMapping("/contact")
	String contact(@ModelAttribute("view") ProfileView view, Model model) {
		ProfileView.Data p = view.data();
		ContactForm form = new ContactForm();
		form.email = p.email();
		form.address = p.address();
		form.postalCode = p.postalCode();
		form.emergencyName = p.emergencyName();
		form.emergencyPhone = p.emergencyPhone();
		model.addAttribute("form", form);
		model.addAttribute("phoneForm", new PhoneForm());
		return "profile/contact";
	}

	@PostMapping("/contact")
	String saveContact(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ContactForm form,
			BindingResult result, @RequestParam(name = "return", required = false) String back, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("phoneForm", new PhoneForm());
		if (!result.hasErrors() && saved(result, () -> profiles.saveContact(user.getId(), form.toSection(), user))) {
			return done(redirect, back);
		}
		return "profile/contact";
	}

	@PostMapping("/contact/phone")
	String changePhone(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("phoneForm") PhoneForm form,
			BindingResult result, @ModelAttribute("view") ProfileView view, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && saved(result,
				() -> applicants.changePhone(user.getId(), form.newPhone, form.smsCode, form.password))) {
			redirect.addFlashAttribute("flashSuccess", texts.get("profile.phone.changed"));
			return "redirect:/profile/contact";
		}
		model.addAttribute("form", new ContactForm());
		return "profile/contact";
	}

	@GetMapping("/practice")
	String practice(@ModelAttribute("view") ProfileView view, Model model) {
		ProfileView.Data p = view.data();
		PracticeForm form = new PracticeForm();
		form.hasPhysicianQualification = p.hasPhysicianQualification();
		form.qualificationNumber = p.qualificationNumber();
		form.qualificationDate = p.qualificationDate();
		form.hasPracticeCertificate = p.hasPracticeCertificate();
		form.practiceNumber = p.practiceNumber();
		form.practiceDate = p.practiceDate();
		form.practiceCategory = p.practiceCategory();
		form.practiceScope = p.practiceScope();
		form.hasNurseCertificate = p.hasNurseCertificate();
		form.nurseNumber = p.nurseNumber();
		form.nurseDate = p.nurseDate();
		model.addAttribute("form", form);
		return practiceView(model);
	}

	@PostMapping("/practice")
	String savePractice(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PracticeForm form,
			BindingResult result, @RequestParam(name = "return", required = false) String back, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && saved(result, () -> profiles.savePractice(user.getId(), form.toSection(), user))) {
			return done(redirect, back);
		}
		return practiceView(model);
	}

	@GetMapping("/education")
	String educations() {
		return "profile/education";
	}

	@GetMapping("/education/new")
	String newEducation(Model model) {
		model.addAttribute("form", new EducationForm());
		return educationView(model, null);
	}

	@GetMapping("/education/{id}")
	String editEducation(@PathVariable long id, @ModelAttribute("view") ProfileView view,
			Model model) {
		ProfileView.Education record = view.educations().stream().filter(r -> r.id() == id).findFirst()
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		EducationForm form = new EducationForm();
		form.startMonth = YearMonth.from(record.startMonth());
		form.endMonth = YearMonth.from(record.endMonth());
		form.school = record.schoolListed() ? record.school() : EducationForm.OTHER;
		form.otherSchool = record.schoolListed() ? null : record.school();
		form.major = record.major();
		form.level = record.level();
		form.degree = record.degree();
		form.studyForm = record.studyForm();
		form.diplomaNumber = record.diplomaNumber();
		form.degreeNumber = record.degreeNumber();
		form.firstEducation = record.firstEducation();
		form.highestEducation = record.highestEducation();
		form.bachelorEducation = record.bachelorEducation();
		model.addAttribute("form", form);
		return educationView(model, id);
	}

	@PostMapping({ "/education/new", "/education/{id}" })
	String saveEducation(@AuthenticationPrincipal CurrentUser user, @PathVariable(required = false) Long id,
			@Valid @ModelAttribute("form") EducationForm form, BindingResult result,
			@RequestParam(name = "return", required = false) String back, Model model, RedirectAttributes redirect) {
		if (EducationForm.OTHER.equals(form.school) && (form.otherSchool == null || form.otherSchool.isBlank())) {
			result.rejectValue("otherSchool", "validation.required");
		}
		if (!result.hasErrors()
				&& saved(result, () -> profiles.saveEducation(user.getId(), id, form.toSection(), user))) {
			redirect.addFlashAttribute("flashSuccess", texts.get("profile.saved"));
			return "redirect:" + ReturnPath.keep("/profile/education", back);
		}
		return educationView(model, id);
	}

	@PostMapping("/education/{id}/delete")
	String deleteEducation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		return deleted(() -> profiles.deleteEducation(user.getId(), id, user), "/profile/education", redirect);
	}

	@GetMapping("/work")
	String works() {
		return "profile/work";
	}

	@PostMapping("/work/has-unit")
	String setHasWorkUnit(@AuthenticationPrincipal CurrentUser user, @RequestParam boolean hasWorkUnit,
			@RequestParam(name = "return", required = false) String back, RedirectAttributes redirect) {
		return deleted(() -> profiles.setHasWorkUnit(user.getId(), hasWorkUnit, user),
				ReturnPath.keep("/profile/work", back), redirect);
	}

	@GetMapping("/work/new")
	String newWork(Model model) {
		WorkForm form = new WorkForm();
		form.currentUnit = true;
		model.addAttribute("form", form);
		return workView(model, null);
	}

	@GetMapping("/work/{id}")
	String editWork(@PathVariable long id, @ModelAttribute("view") ProfileView view, Model model) {
		ProfileView.Work record = view.works().stream().filter(r -> r.id() == id).findFirst()
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		WorkForm form = new WorkForm();
		form.unitId = record.unitId();
		form.unitName = record.unitName();
		form.department = record.department();
		form.post = record.post();
		form.title = record.title();
		form.startMonth = YearMonth.from(record.startMonth());
		form.endMonth = record.endMonth() == null ? null : YearMonth.from(record.endMonth());
		form.currentUnit = record.currentUnit();
		model.addAttribute("form", form);
		return workView(model, id);
	}

	@PostMapping({ "/work/new", "/work/{id}" })
	String saveWork(@AuthenticationPrincipal CurrentUser user, @PathVariable(required = false) Long id,
			@Valid @ModelAttribute("form") WorkForm form, BindingResult result,
			@RequestParam(name = "return", required = false) String back, Model model, RedirectAttributes redirect) {
		if (!form.currentUnit && form.endMonth == null) {
			result.rejectValue("endMonth", "validation.required");
		}
		if (!result.hasErrors() && saved(result, () -> profiles.saveWork(user.getId(), id, form.toSection(), user))) {
			redirect.addFlashAttribute("flashSuccess", texts.get("profile.saved"));
			return "redirect:" + ReturnPath.keep("/profile/work", back);
		}
		return workView(model, id);
	}

	@PostMapping("/work/{id}/delete")
	String deleteWork(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return deleted(() -> profiles.deleteWork(user.getId(), id, user), "/profile/work", redirect);
	}

	private String basicView(Model model) {
		model.addAttribute("ethnicities", Choices.ETHNICITIES);
		model.addAttribute("politicalStatuses", PoliticalStatus.values());
		model.addAttribute("maritalStatuses", MaritalStatus.values());
		model.addAttribute("residentId", IdDocumentType.RESIDENT_ID);
		return "profile/basic";
	}

	private String practiceView(Model model) {
		model.addAttribute("practiceCategories", PracticeCategory.values());
		return "profile/practice";
	}

	private String educationView(Model model, Long id) {
		model.addAttribute("recordId", id);
		model.addAttribute("schools", profiles.schools());
		model.addAttribute("levels", EducationLevel.values());
		model.addAttribute("degrees", Degree.values());
		model.addAttribute("studyForms", StudyForm.values());
		return "profile/education-form";
	}

	private String workView(Model model, Long id) {
		model.addAttribute("recordId", id);
		return "profile/work-form";
	}

	/** After a section is saved: back to the wizard step that sent the applicant here, else the overview. */
	private String done(RedirectAttributes redirect, String back) {
		redirect.addFlashAttribute("flashSuccess", texts.get("profile.saved"));
		String safe = ReturnPath.safe(back);
		return "redirect:" + (safe == null ? "/profile" : safe);
	}

	private String deleted(Runnable action, String target, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", texts.get("profile.saved"));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.get(rejected.messageKey(), rejected.arguments()));
		}
		return "redirect:" + target;
	}

	private static boolean saved(BindingResult result, Runnable action) {
		try {
			action.run();
			return true;
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return false;
		}
	}
}
