package cn.medrecruit.profile;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.Choices.StudyForm;

@Table("education_record")
class EducationRecord {

	@Id
	Long id;
	@Version
	Integer version;
	Long accountId;
	LocalDate startMonth;
	LocalDate endMonth;
	String school;
	boolean schoolListed;
	String major;
	EducationLevel level;
	Degree degree;
	StudyForm studyForm;
	String diplomaNumber;
	String degreeNumber;
	boolean firstEducation;
	boolean highestEducation;
	boolean bachelorEducation;

	/** 在读: graduation lies in the future. */
	boolean inProgress(LocalDate today) {
		return endMonth.isAfter(today);
	}
}
