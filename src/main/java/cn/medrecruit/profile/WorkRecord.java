package cn.medrecruit.profile;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("work_record")
class WorkRecord {

	@Id
	Long id;
	@Version
	Integer version;
	Long accountId;
	/** The unit from the unit dictionary; {@code null} when typed in freely. */
	Long unitId;
	String unitName;
	String department;
	String post;
	String title;
	LocalDate startMonth;
	LocalDate endMonth;
	boolean currentUnit;
}
