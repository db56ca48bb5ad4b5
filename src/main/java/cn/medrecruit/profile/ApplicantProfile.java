package cn.medrecruit.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.medrecruit.identity.Gender;
import cn.medrecruit.profile.Choices.MaritalStatus;
import cn.medrecruit.profile.Choices.PoliticalStatus;
import cn.medrecruit.profile.Choices.PracticeCategory;

/** The single-valued part of an applicant's profile; education and work records are rows of their own. */
@Table("applicant_profile")
class ApplicantProfile {

	@Id
	Long accountId;
	@Version
	Integer version;
	Gender gender;
	LocalDate birthDate;
	String ethnicity;
	PoliticalStatus politicalStatus;
	MaritalStatus maritalStatus;
	String householdRegistration;
	String xuexinCode;
	String email;
	String address;
	String postalCode;
	String emergencyName;
	String emergencyPhone;
	Boolean hasWorkUnit;
	Boolean hasPhysicianQualification;
	String qualificationNumber;
	LocalDate qualificationDate;
	Boolean hasPracticeCertificate;
	String practiceNumber;
	LocalDate practiceDate;
	PracticeCategory practiceCategory;
	String practiceScope;
	Boolean hasNurseCertificate;
	String nurseNumber;
	LocalDate nurseDate;
	Long currentUnitId;
	String currentUnitPath;
	boolean frozen;
	boolean submittedOnce;
	Instant updatedAt;
}
