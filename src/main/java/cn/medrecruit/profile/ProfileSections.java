package cn.medrecruit.profile;

import java.time.LocalDate;

import cn.medrecruit.identity.Gender;
import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.Choices.MaritalStatus;
import cn.medrecruit.profile.Choices.PoliticalStatus;
import cn.medrecruit.profile.Choices.PracticeCategory;
import cn.medrecruit.profile.Choices.StudyForm;

/** What each section's form submits; the service validates and stores them. */
public final class ProfileSections {

	private ProfileSections() {
	}

	public record Basic(Gender gender, LocalDate birthDate, String ethnicity, PoliticalStatus politicalStatus,
			MaritalStatus maritalStatus, String householdRegistration, String xuexinCode) {
	}

	public record Contact(String email, String address, String postalCode, String emergencyName,
			String emergencyPhone) {
	}

	public record Practice(Boolean hasPhysicianQualification, String qualificationNumber, LocalDate qualificationDate,
			Boolean hasPracticeCertificate, String practiceNumber, LocalDate practiceDate,
			PracticeCategory practiceCategory, String practiceScope, Boolean hasNurseCertificate, String nurseNumber,
			LocalDate nurseDate) {
	}

	public record Education(LocalDate startMonth, LocalDate endMonth, String school, boolean schoolListed, String major,
			EducationLevel level, Degree degree, StudyForm studyForm, String diplomaNumber, String degreeNumber,
			boolean firstEducation, boolean highestEducation, boolean bachelorEducation) {
	}

	public record Work(Long unitId, String unitName, String department, String post, String title,
			LocalDate startMonth, LocalDate endMonth, boolean currentUnit) {
	}
}
