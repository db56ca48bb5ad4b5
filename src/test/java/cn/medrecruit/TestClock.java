package cn.medrecruit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock plus an offset that tests move forward to reach expiries and windows. Tests that move it call
 * {@link #reset()} afterwards, because the context (and this clock) is shared.
 */
public class TestClock extends Clock {

	private final ZoneId zone;
	private volatile Duration offset = Duration.ZERO;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration duration) {
		offset = offset.plus(duration);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId newZone) {
		TestClock clock = new TestClock(newZone);
		clock.offset = offset;
		return clock;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}
}
