package cn.medrecruit.profile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.IdDocumentType;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.ProgramProfile.Section;

/**
 * Which sections and documents of a profile are missing for a program. The profile pages show it as badges; the
 * application wizard refuses to submit until nothing is missing, listing links to fix each item.
 */
@Service
public class ProfileCompleteness {

	private final ApplicantProfiles profiles;
	private final List<DocumentRequirements> documentRequirements;

	ProfileCompleteness(ApplicantProfiles profiles, List<DocumentRequirements> documentRequirements) {
		this.profiles = profiles;
		this.documentRequirements = documentRequirements;
	}

	/** One thing to fix, with the page where it is fixed. */
	public record Missing(Section section, String messageKey) {

		public String link() {
			return section.link();
		}
	}

	public record Answer(List<Missing> missing) {

		public boolean complete() {
			return missing.isEmpty();
		}

		public boolean sectionComplete(Section section) {
			return missing.stream().noneMatch(item -> item.section() == section);
		}

		public Set<Section> incompleteSections() {
			Set<Section> sections = EnumSet.noneOf(Section.class);
			missing.forEach(item -> sections.add(item.section()));
			return sections;
		}
	}

	/** Documents are checked by the documents part of this module, which registers itself here. */
	interface DocumentRequirements {

		/** The documents the applicant holds, read for the profile pages. */
		List<FrozenProfile.HeldDocument> heldBy(AccountId account);

		List<Missing> missingFor(ProgramProfile program, IdDocumentType idType, ProfileView.Data data,
				List<ProfileView.Education> educations, List<FrozenProfile.HeldDocument> held);
	}

	@Transactional
	public Answer check(AccountId account, ProgramProfile program) {
		return check(profiles.view(account), program);
	}

	/** The same for a profile already read; its documents are read here. */
	public Answer check(ProfileView view, ProgramProfile program) {
		return check(view.data(), view.educations(), currentWork(view).isPresent(), view.identity().idType(),
				requirements -> requirements.heldBy(view.identity().account()), program);
	}

	/** The same for the profile a submit has just frozen, which holds its documents. */
	public Answer check(FrozenProfile frozen, ProgramProfile program) {
		return check(frozen.data(), frozen.educations(), frozen.currentWork(), frozen.idType(),
				requirements -> frozen.documents(), program);
	}

	private Answer check(ProfileView.Data p, List<ProfileView.Education> educations, boolean currentWork,
			IdDocumentType idType, Function<DocumentRequirements, List<FrozenProfile.HeldDocument>> held,
			ProgramProfile program) {
		List<Missing> missing = new ArrayList<>();
		Set<Section> sections = program.sections();
		if (sections.contains(Section.BASIC) && (p.gender() == null || p.birthDate() == null || p.ethnicity() == null
				|| p.politicalStatus() == null || p.maritalStatus() == null || blank(p.householdRegistration())
				|| blank(p.xuexinCode()))) {
			missing.add(new Missing(Section.BASIC, "profile.missing.basic"));
		}
		if (sections.contains(Section.CONTACT) && (blank(p.email()) || blank(p.address()) || blank(p.postalCode())
				|| blank(p.emergencyName()) || blank(p.emergencyPhone()))) {
			missing.add(new Missing(Section.CONTACT, "profile.missing.contact"));
		}
		if (sections.contains(Section.EDUCATION)) {
			missing.addAll(educationGaps(educations));
		}
		if (sections.contains(Section.WORK) && p.hasWorkUnit() == null) {
			missing.add(new Missing(Section.WORK, "profile.missing.work-unit-answer"));
		}
		if (sections.contains(Section.WORK) && Boolean.TRUE.equals(p.hasWorkUnit()) && !currentWork) {
			missing.add(new Missing(Section.WORK, "profile.missing.current-unit"));
		}
		if (sections.contains(Section.PRACTICE) && (p.hasPhysicianQualification() == null
				|| p.hasPracticeCertificate() == null || p.hasNurseCertificate() == null)) {
			missing.add(new Missing(Section.PRACTICE, "profile.missing.practice"));
		}
		for (DocumentRequirements requirements : documentRequirements) {
			missing.addAll(requirements.missingFor(program, idType, p, educations, held.apply(requirements)));
		}
		return new Answer(List.copyOf(missing));
	}

	/**
	 * Whether the applicant can apply as a person type that requires a current unit (本单位, 委托培养) or none
	 * (面向社会, 并轨专硕).
	 */
	@Transactional
	public boolean meetsWorkUnitRule(AccountId account, boolean currentUnitRequired) {
		return meetsWorkUnitRule(profiles.view(account), currentUnitRequired);
	}

	public boolean meetsWorkUnitRule(ProfileView view, boolean currentUnitRequired) {
		return !currentUnitRequired || currentWork(view).isPresent();
	}

	public boolean meetsWorkUnitRule(FrozenProfile frozen, boolean currentUnitRequired) {
		return !currentUnitRequired || frozen.currentWork();
	}

	/** The 002 rule: the first and the highest education recorded, and a bachelor record when the first is 大专. */
	private static List<Missing> educationGaps(List<ProfileView.Education> educations) {
		List<Missing> gaps = new ArrayList<>();
		Optional<ProfileView.Education> first = educations.stream().filter(ProfileView.Education::firstEducation).findFirst();
		if (first.isEmpty()) {
			gaps.add(new Missing(Section.EDUCATION, "profile.missing.first-education"));
		}
		if (educations.stream().noneMatch(ProfileView.Education::highestEducation)) {
			gaps.add(new Missing(Section.EDUCATION, "profile.missing.highest-education"));
		}
		if (first.filter(r -> r.level() == EducationLevel.JUNIOR_COLLEGE).isPresent()
				&& educations.stream().noneMatch(ProfileView.Education::bachelorEducation)) {
			gaps.add(new Missing(Section.EDUCATION, "profile.missing.bachelor-education"));
		}
		return gaps;
	}

	private static Optional<ProfileView.Work> currentWork(ProfileView view) {
		return view.works().stream().filter(ProfileView.Work::currentUnit).findFirst();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
