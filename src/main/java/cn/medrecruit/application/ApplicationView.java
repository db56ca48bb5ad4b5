package cn.medrecruit.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;

/**
 * One application as its pages and other modules read it.
 *
 * @param choices the chosen bases, first choice first
 */
public record ApplicationView(long id, long accountId, BatchId batchId, PersonType personType, Long specialtyId,
		List<Long> choices, Boolean acceptAdjustment, Map<String, String> fields, ApplicationStatus status,
		Instant submittedAt, int version) {

	public Long firstChoice() {
		return choices.isEmpty() ? null : choices.get(0);
	}

	/** The base chosen at {@code rank} (1 = first), or null. */
	public Long choice(int rank) {
		return rank >= 1 && rank <= choices.size() ? choices.get(rank - 1) : null;
	}
}
