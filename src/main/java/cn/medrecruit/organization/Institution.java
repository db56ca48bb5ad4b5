package cn.medrecruit.organization;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("institution")
class Institution {

	@Id
	Long id;
	@Version
	Integer version;
	String code;
	String name;
	InstitutionKind kind;
	BaseCategory baseCategory;
	String regionCode;
	Long parentId;
	/** Ids from the root down to this institution, {@code /1/5/23/}: the prefix that selects its subtree. */
	String path;
	boolean reviewRights;
	boolean enabled;
	Long adminAccountId;
	String contactName;
	String contactPhone;
	Instant createdAt;
	Instant updatedAt;
}
