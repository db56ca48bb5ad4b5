package cn.medrecruit.review;

import java.time.Instant;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.BatchId;

/**
 * A request to open (or reopen after a return), with the search fields the inbox filters on, copied from the
 * subject at the moment of submission.
 *
 * @param idTail the last characters of the applicant's (masked) ID number
 * @param referenceNumber what people quote, e.g. the application number
 * @param unitInstitutionId the applicant's current unit, or null for an applicant without one
 * @param unitPath that unit's institution path, or null
 * @param firstChoiceBaseId the base of the first choice, or null when the subject has none
 */
public record NewRequest(RequestKind kind, long subjectId, AccountId applicant, String applicantName, String idTail,
		String referenceNumber, String programCode, long cohortId, BatchId batchId, Long unitInstitutionId,
		String unitPath, Long firstChoiceBaseId, Instant submittedAt) {
}
