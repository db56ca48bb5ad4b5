package cn.medrecruit.program;

import java.time.Instant;

/** A time window: open from {@code start} (inclusive) until {@code end} (exclusive). */
public record Window(Instant start, Instant end) {

	public boolean contains(Instant now) {
		return !now.isBefore(start) && now.isBefore(end);
	}
}
