package cn.medrecruit.profile;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.files.FileKind;
import cn.medrecruit.files.StoredFile;
import cn.medrecruit.files.StoredFileId;
import cn.medrecruit.files.StoredFiles;
import cn.medrecruit.files.UploadPolicy;
import cn.medrecruit.files.UploadRejected;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.InputRejected;

/**
 * The evidence documents of a profile: uploads into typed slots (replacing the file of a single slot), deletion, and
 * the list with each file's details read in one query.
 */
@Service
public class ApplicantDocuments {

	static final int MAX_PER_SLOT = 10;
	private static final String NOTE_PATTERN = ProfileForms.TEXT;

	private final ProfileDocuments documents;
	private final ApplicantProfiles profiles;
	private final EducationRecords educations;
	private final StoredFiles files;
	private final DocumentProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApplicantDocuments(ProfileDocuments documents, ApplicantProfiles profiles, EducationRecords educations,
			StoredFiles files, DocumentProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.documents = documents;
		this.profiles = profiles;
		this.educations = educations;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	public record Document(long id, DocumentSlot slot, Long educationRecordId, String note, long uploadBytes,
			StoredFile file) {
	}

	@Transactional(readOnly = true)
	public List<Document> of(AccountId account) {
		List<ProfileDocument> rows = documents.findByAccountIdOrderById(account.value());
		Map<Long, StoredFile> stored = files.findAll(rows.stream().map(row -> new StoredFileId(row.fileId)).toList())
			.stream()
			.collect(Collectors.toMap(file -> file.id().value(), Function.identity()));
		return rows.stream()
			.filter(row -> stored.containsKey(row.fileId))
			.map(row -> new Document(row.id, row.slot, row.educationRecordId, row.note, row.uploadBytes,
					stored.get(row.fileId)))
			.toList();
	}

	@Transactional
	public Document upload(AccountId account, DocumentSlot slot, Long educationRecordId, String note,
			String originalName, byte[] content, CurrentUser actor) {
		ApplicantProfile profile = profiles.editable(account);
		if (slot.perEducation() && (educationRecordId == null || educations.findById(educationRecordId)
			.filter(record -> record.accountId.equals(account.value())).isEmpty())) {
			throw new InputRejected("educationRecordId", "profile.document.education-required");
		}
		String cleanNote = note == null ? null : note.strip();
		if (slot.noted() && (cleanNote == null || cleanNote.isEmpty())) {
			throw new InputRejected("note", "profile.document.note-required");
		}
		if (cleanNote != null && (cleanNote.length() > 200 || !cleanNote.matches(NOTE_PATTERN))) {
			throw new InputRejected("note", "validation.invalid-characters");
		}
		if (slot == DocumentSlot.PHOTO && content.length > 0 && (content.length < properties.photoMin().toBytes()
				|| content.length > properties.photoMax().toBytes())) {
			throw new InputRejected("file", "profile.document.photo-size", properties.photoMin().toKilobytes(),
					properties.photoMax().toKilobytes());
		}
		List<ProfileDocument> replaced = existing(account, slot, educationRecordId);
		if (slot.holds() == DocumentSlot.Holds.SEVERAL && replaced.size() >= MAX_PER_SLOT) {
			throw new InputRejected("file", "profile.document.slot-full", MAX_PER_SLOT);
		}
		UploadPolicy policy = policyFor(slot);
		StoredFile stored;
		try {
			stored = files.store(account.value(), originalName, content, policy);
		}
		catch (UploadRejected rejected) {
			throw rejected.forField("file");
		}
		// the stored file is removed again when this refusal rolls the transaction back
		if (slot == DocumentSlot.PHOTO && !PhotoBackground.isWhite(content)) {
			throw new InputRejected("file", "profile.document.photo-background");
		}
		if (slot.holds() != DocumentSlot.Holds.SEVERAL) {
			replaced.forEach(old -> remove(old, actor));
		}
		ProfileDocument row = new ProfileDocument();
		row.accountId = account.value();
		row.slot = slot;
		row.educationRecordId = slot.perEducation() ? educationRecordId : null;
		row.fileId = stored.id().value();
		row.note = cleanNote;
		row.uploadBytes = content.length;
		row.createdAt = clock.instant();
		ProfileDocument saved = documents.save(row);
		if (profile.submittedOnce) {
			profiles.recordChanges(account.value(), "documents", Map.of(), Map.of(slot.name(), "file:" + stored.id()),
					actor);
		}
		events.publishEvent(AuditEvent.success("PROFILE_DOCUMENT_UPLOADED", "account:" + account.value(), slot.name()));
		return new Document(saved.id, slot, saved.educationRecordId, cleanNote, content.length, stored);
	}

	@Transactional
	public void delete(AccountId account, long documentId, CurrentUser actor) {
		ApplicantProfile profile = profiles.editable(account);
		ProfileDocument row = documents.findById(documentId).filter(found -> found.accountId.equals(account.value()))
			.orElseThrow(() -> new InputRejected("file", "validation.stale"));
		remove(row, actor);
		if (profile.submittedOnce) {
			profiles.recordChanges(account.value(), "documents", Map.of(row.slot.name(), "file:" + row.fileId), Map.of(),
					actor);
		}
		events.publishEvent(AuditEvent.success("PROFILE_DOCUMENT_DELETED", "account:" + account.value(), row.slot.name()));
	}

	/** The photo is a JPEG or PNG; certificates may also be PDFs where the slot allows it. */
	private UploadPolicy policyFor(DocumentSlot slot) {
		long maxBytes = properties.maxFileSize().toBytes();
		if (slot == DocumentSlot.PHOTO) {
			return new UploadPolicy(EnumSet.of(FileKind.JPEG, FileKind.PNG), maxBytes, UploadPolicy.DEFAULT_MAX_PIXELS);
		}
		return (slot.pdfAllowed() ? UploadPolicy.imagesOrPdf() : UploadPolicy.images()).withMaxBytes(maxBytes);
	}

	private List<ProfileDocument> existing(AccountId account, DocumentSlot slot, Long educationRecordId) {
		return documents.findByAccountIdAndSlot(account.value(), slot).stream()
			.filter(row -> !slot.perEducation() || row.educationRecordId.equals(educationRecordId))
			.toList();
	}

	private void remove(ProfileDocument row, CurrentUser actor) {
		documents.delete(row);
		files.delete(new StoredFileId(row.fileId), actor);
	}
}
