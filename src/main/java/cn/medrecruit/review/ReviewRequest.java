package cn.medrecruit.review;

import java.time.Instant;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.StageLevel;

/**
 * A request as stored: its search fields, where it stands and its version (a decision names the version it was made
 * on; a changed request refuses it).
 */
public record ReviewRequest(long id, RequestKind kind, long subjectId, AccountId applicant, String applicantName,
		String idTail, String referenceNumber, String programCode, long cohortId, BatchId batchId,
		Long unitInstitutionId, String unitPath, Long firstChoiceBaseId, Instant firstSubmittedAt, Instant submittedAt,
		int round, ReviewState state, int stageIndex, StageLevel stageLevel, long holderInstitutionId, int version) {
}
