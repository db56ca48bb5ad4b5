package cn.medrecruit.identity;

import java.time.LocalDate;

/**
 * What the real-name check established about an applicant: read-only for everyone else. Gender and birth date are
 * derived from a resident ID number ({@code null} for other documents, where the applicant enters them).
 */
public record ApplicantIdentity(AccountId account, String realName, IdDocumentType idType, String idNumberMasked,
		String phoneMasked, Gender gender, LocalDate birthDate) {

	public boolean derivedFromResidentId() {
		return idType == IdDocumentType.RESIDENT_ID;
	}
}
