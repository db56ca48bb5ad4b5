package cn.medrecruit.profile;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.medrecruit.identity.ApplicantIdentity;
import cn.medrecruit.identity.Gender;
import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.Choices.MaritalStatus;
import cn.medrecruit.profile.Choices.PoliticalStatus;
import cn.medrecruit.profile.Choices.PracticeCategory;
import cn.medrecruit.profile.Choices.StudyForm;

/** A read-only picture of one applicant's profile, for its pages and for the application summary. */
public record ProfileView(ApplicantIdentity identity, Data data, List<Education> educations, List<Work> works,
		LocalDate today) {

	public boolean frozen() {
		return data.frozen();
	}

	/** The year of the highest education recorded (of the latest one when none is marked highest). */
	public Optional<Integer> graduationYear() {
		return graduationYearOf(educations);
	}

	static Optional<Integer> graduationYearOf(List<Education> educations) {
		return educations.stream()
			.filter(Education::highestEducation)
			.findFirst()
			.or(() -> educations.stream().max(Comparator.comparing(Education::endMonth)))
			.map(education -> education.endMonth().getYear());
	}

	public record Data(Gender gender, LocalDate birthDate, String ethnicity, PoliticalStatus politicalStatus,
			MaritalStatus maritalStatus, String householdRegistration, String xuexinCode, String email, String address,
			String postalCode, String emergencyName, String emergencyPhone, Boolean hasWorkUnit,
			Boolean hasPhysicianQualification, String qualificationNumber, LocalDate qualificationDate,
			Boolean hasPracticeCertificate, String practiceNumber, LocalDate practiceDate,
			PracticeCategory practiceCategory, String practiceScope, Boolean hasNurseCertificate, String nurseNumber,
			LocalDate nurseDate, Long currentUnitId, boolean frozen) {

		static Data of(ApplicantProfile p) {
			return new Data(p.gender, p.birthDate, p.ethnicity, p.politicalStatus, p.maritalStatus,
					p.householdRegistration, p.xuexinCode, p.email, p.address, p.postalCode, p.emergencyName,
					p.emergencyPhone, p.hasWorkUnit, p.hasPhysicianQualification, p.qualificationNumber,
					p.qualificationDate, p.hasPracticeCertificate, p.practiceNumber, p.practiceDate, p.practiceCategory,
					p.practiceScope, p.hasNurseCertificate, p.nurseNumber, p.nurseDate, p.currentUnitId, p.frozen);
		}
	}

	/** @param inProgress 在读: graduation lies in the future */
	public record Education(long id, LocalDate startMonth, LocalDate endMonth, String school, boolean schoolListed,
			String major, EducationLevel level, Degree degree, StudyForm studyForm, String diplomaNumber,
			String degreeNumber, boolean firstEducation, boolean highestEducation, boolean bachelorEducation,
			boolean inProgress) {

		static Education of(EducationRecord r, LocalDate today) {
			return new Education(r.id, r.startMonth, r.endMonth, r.school, r.schoolListed, r.major, r.level, r.degree,
					r.studyForm, r.diplomaNumber, r.degreeNumber, r.firstEducation, r.highestEducation,
					r.bachelorEducation, r.inProgress(today));
		}
	}

	public record Work(long id, Long unitId, String unitName, String department, String post, String title,
			LocalDate startMonth, LocalDate endMonth, boolean currentUnit) {

		static Work of(WorkRecord r) {
			return new Work(r.id, r.unitId, r.unitName, r.department, r.post, r.title, r.startMonth, r.endMonth,
					r.currentUnit);
		}
	}
}
