package cn.medrecruit.profile;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import cn.medrecruit.identity.Gender;
import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.Choices.MaritalStatus;
import cn.medrecruit.profile.Choices.PoliticalStatus;
import cn.medrecruit.profile.Choices.PracticeCategory;
import cn.medrecruit.profile.Choices.StudyForm;

/** The section forms: formats are checked here, rules in {@link ApplicantProfiles}. */
final class ProfileForms {

	static final String TEXT = "[\\p{IsHan}A-Za-z0-9（）()·,，.。\\-# /]*";

	private ProfileForms() {
	}

	static class BasicForm {
		Gender gender;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate birthDate;
		@NotBlank(message = "{validation.required}")
		String ethnicity;
		@NotNull(message = "{validation.required}")
		PoliticalStatus politicalStatus;
		@NotNull(message = "{validation.required}")
		MaritalStatus maritalStatus;
		@NotBlank(message = "{validation.required}")
		@Size(max = 100, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String householdRegistration;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "\\d{12}|无", message = "{profile.validation.xuexin}")
		String xuexinCode;

		ProfileSections.Basic toSection() {
			return new ProfileSections.Basic(gender, birthDate, ethnicity, politicalStatus, maritalStatus,
					householdRegistration, xuexinCode);
		}

		public Gender getGender() { return gender; }
		public void setGender(Gender gender) { this.gender = gender; }
		public LocalDate getBirthDate() { return birthDate; }
		public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
		public String getEthnicity() { return ethnicity; }
		public void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; }
		public PoliticalStatus getPoliticalStatus() { return politicalStatus; }
		public void setPoliticalStatus(PoliticalStatus politicalStatus) { this.politicalStatus = politicalStatus; }
		public MaritalStatus getMaritalStatus() { return maritalStatus; }
		public void setMaritalStatus(MaritalStatus maritalStatus) { this.maritalStatus = maritalStatus; }
		public String getHouseholdRegistration() { return householdRegistration; }
		public void setHouseholdRegistration(String householdRegistration) { this.householdRegistration = householdRegistration; }
		public String getXuexinCode() { return xuexinCode; }
		public void setXuexinCode(String xuexinCode) { this.xuexinCode = xuexinCode; }
	}

	static class ContactForm {
		@NotBlank(message = "{validation.required}")
		@Email(message = "{profile.validation.email}")
		@Size(max = 100, message = "{validation.size-max}")
		String email;
		@NotBlank(message = "{validation.required}")
		@Size(max = 200, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String address;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "\\d{6}", message = "{profile.validation.postal-code}")
		String postalCode;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "[\\p{IsHan}·A-Za-z ]{2,30}", message = "{validation.real-name}")
		String emergencyName;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{profile.validation.phone}")
		String emergencyPhone;

		ProfileSections.Contact toSection() {
			return new ProfileSections.Contact(email, address, postalCode, emergencyName, emergencyPhone);
		}

		public String getEmail() { return email; }
		public void setEmail(String email) { this.email = email; }
		public String getAddress() { return address; }
		public void setAddress(String address) { this.address = address; }
		public String getPostalCode() { return postalCode; }
		public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
		public String getEmergencyName() { return emergencyName; }
		public void setEmergencyName(String emergencyName) { this.emergencyName = emergencyName; }
		public String getEmergencyPhone() { return emergencyPhone; }
		public void setEmergencyPhone(String emergencyPhone) { this.emergencyPhone = emergencyPhone; }
	}

	static class PhoneForm {
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "1[3-9]\\d{9}", message = "{validation.phone}")
		String newPhone;
		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = "\\d{6}", message = "{sms.code.wrong}")
		String smsCode;
		@NotBlank(message = "{validation.required}")
		@Size(max = 64, message = "{validation.password.length}")
		String password;

		public String getNewPhone() { return newPhone; }
		public void setNewPhone(String newPhone) { this.newPhone = newPhone; }
		public String getSmsCode() { return smsCode; }
		public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
		public String getPassword() { return password; }
		public void setPassword(String password) { this.password = password; }
	}

	static class PracticeForm {
		@NotNull(message = "{validation.required}")
		Boolean hasPhysicianQualification;
		@Size(max = 40, message = "{validation.size-max}")
		@Pattern(regexp = "[A-Za-z0-9]*", message = "{profile.validation.certificate-number}")
		String qualificationNumber;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate qualificationDate;
		@NotNull(message = "{validation.required}")
		Boolean hasPracticeCertificate;
		@Size(max = 40, message = "{validation.size-max}")
		@Pattern(regexp = "[A-Za-z0-9]*", message = "{profile.validation.certificate-number}")
		String practiceNumber;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate practiceDate;
		PracticeCategory practiceCategory;
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String practiceScope;
		@NotNull(message = "{validation.required}")
		Boolean hasNurseCertificate;
		@Size(max = 40, message = "{validation.size-max}")
		@Pattern(regexp = "[A-Za-z0-9]*", message = "{profile.validation.certificate-number}")
		String nurseNumber;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		LocalDate nurseDate;

		ProfileSections.Practice toSection() {
			return new ProfileSections.Practice(hasPhysicianQualification, qualificationNumber, qualificationDate,
					hasPracticeCertificate, practiceNumber, practiceDate, practiceCategory, practiceScope,
					hasNurseCertificate, nurseNumber, nurseDate);
		}

		public Boolean getHasPhysicianQualification() { return hasPhysicianQualification; }
		public void setHasPhysicianQualification(Boolean value) { this.hasPhysicianQualification = value; }
		public String getQualificationNumber() { return qualificationNumber; }
		public void setQualificationNumber(String value) { this.qualificationNumber = value; }
		public LocalDate getQualificationDate() { return qualificationDate; }
		public void setQualificationDate(LocalDate value) { this.qualificationDate = value; }
		public Boolean getHasPracticeCertificate() { return hasPracticeCertificate; }
		public void setHasPracticeCertificate(Boolean value) { this.hasPracticeCertificate = value; }
		public String getPracticeNumber() { return practiceNumber; }
		public void setPracticeNumber(String value) { this.practiceNumber = value; }
		public LocalDate getPracticeDate() { return practiceDate; }
		public void setPracticeDate(LocalDate value) { this.practiceDate = value; }
		public PracticeCategory getPracticeCategory() { return practiceCategory; }
		public void setPracticeCategory(PracticeCategory value) { this.practiceCategory = value; }
		public String getPracticeScope() { return practiceScope; }
		public void setPracticeScope(String value) { this.practiceScope = value; }
		public Boolean getHasNurseCertificate() { return hasNurseCertificate; }
		public void setHasNurseCertificate(Boolean value) { this.hasNurseCertificate = value; }
		public String getNurseNumber() { return nurseNumber; }
		public void setNurseNumber(String value) { this.nurseNumber = value; }
		public LocalDate getNurseDate() { return nurseDate; }
		public void setNurseDate(LocalDate value) { this.nurseDate = value; }
	}

	static class EducationForm {
		@NotNull(message = "{validation.required}")
		@DateTimeFormat(pattern = "yyyy-MM")
		YearMonth startMonth;
		@NotNull(message = "{validation.required}")
		@DateTimeFormat(pattern = "yyyy-MM")
		YearMonth endMonth;
		@NotBlank(message = "{validation.required}")
		String school;
		@Size(max = 100, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String otherSchool;
		@NotBlank(message = "{validation.required}")
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String major;
		@NotNull(message = "{validation.required}")
		EducationLevel level;
		@NotNull(message = "{validation.required}")
		Degree degree = Degree.NONE;
		@NotNull(message = "{validation.required}")
		StudyForm studyForm = StudyForm.FULL_TIME;
		@Size(max = 40, message = "{validation.size-max}")
		@Pattern(regexp = "[A-Za-z0-9]*", message = "{profile.validation.certificate-number}")
		String diplomaNumber;
		@Size(max = 40, message = "{validation.size-max}")
		@Pattern(regexp = "[A-Za-z0-9]*", message = "{profile.validation.certificate-number}")
		String degreeNumber;
		boolean firstEducation;
		boolean highestEducation;
		boolean bachelorEducation;

		static final String OTHER = "OTHER";

		ProfileSections.Education toSection() {
			boolean listed = !OTHER.equals(school);
			String name = listed ? school : otherSchool == null ? "" : otherSchool.strip();
			return new ProfileSections.Education(startMonth.atDay(1), endMonth.atDay(1), name, listed, major, level,
					degree, studyForm, diplomaNumber, degreeNumber, firstEducation, highestEducation, bachelorEducation);
		}

		public YearMonth getStartMonth() { return startMonth; }
		public void setStartMonth(YearMonth value) { this.startMonth = value; }
		public YearMonth getEndMonth() { return endMonth; }
		public void setEndMonth(YearMonth value) { this.endMonth = value; }
		public String getSchool() { return school; }
		public void setSchool(String value) { this.school = value; }
		public String getOtherSchool() { return otherSchool; }
		public void setOtherSchool(String value) { this.otherSchool = value; }
		public String getMajor() { return major; }
		public void setMajor(String value) { this.major = value; }
		public EducationLevel getLevel() { return level; }
		public void setLevel(EducationLevel value) { this.level = value; }
		public Degree getDegree() { return degree; }
		public void setDegree(Degree value) { this.degree = value; }
		public StudyForm getStudyForm() { return studyForm; }
		public void setStudyForm(StudyForm value) { this.studyForm = value; }
		public String getDiplomaNumber() { return diplomaNumber; }
		public void setDiplomaNumber(String value) { this.diplomaNumber = value; }
		public String getDegreeNumber() { return degreeNumber; }
		public void setDegreeNumber(String value) { this.degreeNumber = value; }
		public boolean isFirstEducation() { return firstEducation; }
		public void setFirstEducation(boolean value) { this.firstEducation = value; }
		public boolean isHighestEducation() { return highestEducation; }
		public void setHighestEducation(boolean value) { this.highestEducation = value; }
		public boolean isBachelorEducation() { return bachelorEducation; }
		public void setBachelorEducation(boolean value) { this.bachelorEducation = value; }
	}

	static class WorkForm {
		Long unitId;
		@NotBlank(message = "{validation.required}")
		@Size(max = 100, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String unitName;
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String department;
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String post;
		@Size(max = 50, message = "{validation.size-max}")
		@Pattern(regexp = TEXT, message = "{validation.invalid-characters}")
		String title;
		@NotNull(message = "{validation.required}")
		@DateTimeFormat(pattern = "yyyy-MM")
		YearMonth startMonth;
		@DateTimeFormat(pattern = "yyyy-MM")
		YearMonth endMonth;
		boolean currentUnit;

		ProfileSections.Work toSection() {
			return new ProfileSections.Work(unitId, unitName, department, post, title, startMonth.atDay(1),
					endMonth == null ? null : endMonth.atDay(1), currentUnit);
		}

		public Long getUnitId() { return unitId; }
		public void setUnitId(Long value) { this.unitId = value; }
		public String getUnitName() { return unitName; }
		public void setUnitName(String value) { this.unitName = value; }
		public String getDepartment() { return department; }
		public void setDepartment(String value) { this.department = value; }
		public String getPost() { return post; }
		public void setPost(String value) { this.post = value; }
		public String getTitle() { return title; }
		public void setTitle(String value) { this.title = value; }
		public YearMonth getStartMonth() { return startMonth; }
		public void setStartMonth(YearMonth value) { this.startMonth = value; }
		public YearMonth getEndMonth() { return endMonth; }
		public void setEndMonth(YearMonth value) { this.endMonth = value; }
		public boolean isCurrentUnit() { return currentUnit; }
		public void setCurrentUnit(boolean value) { this.currentUnit = value; }
	}
}
