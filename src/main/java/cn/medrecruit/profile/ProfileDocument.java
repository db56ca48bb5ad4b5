package cn.medrecruit.profile;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("profile_document")
class ProfileDocument {

	@Id
	Long id;
	Long accountId;
	DocumentSlot slot;
	Long educationRecordId;
	Long fileId;
	String note;
	/** The size of the file as uploaded, before re-encoding: the photo's size rule is about what the applicant sent. */
	long uploadBytes;
	Instant createdAt;
}
