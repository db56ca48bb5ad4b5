package cn.medrecruit.program;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Shows instants as local date-times of the platform's zone on the configuration pages. */
record Times(ZoneId zone) {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant.atZone(zone));
	}

	public String format(Window window) {
		return window == null ? "" : format(window.start()) + " – " + format(window.end());
	}
}
