package cn.medrecruit.profile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.IdDocumentType;
import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.ProgramProfile.Section;

/**
 * The documents a program needs: photo and ID images, a diploma (and degree certificate) for each finished
 * education, and the certificates the practice section says the applicant holds.
 */
@Component
class DocumentCompleteness implements ProfileCompleteness.DocumentRequirements {

	private final ProfileDocuments documents;
	private final DocumentProperties properties;

	DocumentCompleteness(ProfileDocuments documents, DocumentProperties properties) {
		this.documents = documents;
		this.properties = properties;
	}

	@Override
	public List<FrozenProfile.HeldDocument> heldBy(AccountId account) {
		return documents.findByAccountIdOrderById(account.value())
			.stream()
			.map(document -> new FrozenProfile.HeldDocument(document.slot, document.educationRecordId,
					document.uploadBytes))
			.toList();
	}

	@Override
	public List<ProfileCompleteness.Missing> missingFor(ProgramProfile program, IdDocumentType idType,
			ProfileView.Data p, List<ProfileView.Education> educations, List<FrozenProfile.HeldDocument> held) {
		Set<DocumentSlot> slots = EnumSet.noneOf(DocumentSlot.class);
		held.forEach(document -> slots.add(document.slot()));
		List<ProfileCompleteness.Missing> missing = new ArrayList<>();
		require(slots, DocumentSlot.PHOTO, missing);
		held.stream()
			.filter(document -> document.slot() == DocumentSlot.PHOTO)
			.filter(photo -> photo.uploadBytes() < properties.photoMinFor(program).toBytes()
					|| photo.uploadBytes() > properties.photoMaxFor(program).toBytes())
			.findFirst()
			.ifPresent(photo -> missing.add(new ProfileCompleteness.Missing(Section.DOCUMENTS,
					"profile.missing.photo-size")));
		require(slots, DocumentSlot.ID_FRONT, missing);
		if (idType == IdDocumentType.RESIDENT_ID) {
			require(slots, DocumentSlot.ID_BACK, missing);
		}
		if (program.sections().contains(Section.EDUCATION)) {
			for (ProfileView.Education education : educations) {
				if (education.inProgress()) {
					continue;
				}
				requireFor(held, DocumentSlot.DIPLOMA, education, missing);
				if (education.degree() != Degree.NONE) {
					requireFor(held, DocumentSlot.DEGREE_CERTIFICATE, education, missing);
				}
			}
		}
		if (program.sections().contains(Section.PRACTICE)) {
			if (Boolean.TRUE.equals(p.hasPhysicianQualification())) {
				require(slots, DocumentSlot.PHYSICIAN_QUALIFICATION, missing);
			}
			if (Boolean.TRUE.equals(p.hasPracticeCertificate())) {
				require(slots, DocumentSlot.PRACTICE_CERTIFICATE, missing);
			}
			if (Boolean.TRUE.equals(p.hasNurseCertificate())) {
				require(slots, DocumentSlot.NURSE_CERTIFICATE, missing);
			}
		}
		return missing;
	}

	private static void require(Set<DocumentSlot> held, DocumentSlot slot, List<ProfileCompleteness.Missing> missing) {
		if (!held.contains(slot)) {
			missing.add(new ProfileCompleteness.Missing(Section.DOCUMENTS, "profile.missing.document." + slot.name()));
		}
	}

	private static void requireFor(List<FrozenProfile.HeldDocument> held, DocumentSlot slot,
			ProfileView.Education education, List<ProfileCompleteness.Missing> missing) {
		boolean present = held.stream()
			.anyMatch(document -> document.slot() == slot
					&& Long.valueOf(education.id()).equals(document.educationRecordId()));
		if (!present) {
			missing.add(new ProfileCompleteness.Missing(Section.DOCUMENTS, "profile.missing.document." + slot.name()));
		}
	}
}
