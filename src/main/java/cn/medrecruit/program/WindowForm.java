package cn.medrecruit.program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

/** A window as entered: local date-times in the platform's zone. */
public class WindowForm {

	static final String PATTERN = "yyyy-MM-dd'T'HH:mm";

	@DateTimeFormat(pattern = PATTERN)
	private LocalDateTime start;

	@DateTimeFormat(pattern = PATTERN)
	private LocalDateTime end;

	public WindowForm() {
	}

	static WindowForm of(Window window, ZoneId zone) {
		WindowForm form = new WindowForm();
		if (window != null) {
			form.start = LocalDateTime.ofInstant(window.start(), zone);
			form.end = LocalDateTime.ofInstant(window.end(), zone);
		}
		return form;
	}

	static WindowForm of(LocalDateTime start, LocalDateTime end) {
		WindowForm form = new WindowForm();
		form.start = start;
		form.end = end;
		return form;
	}

	Window toWindow(ZoneId zone) {
		return start == null || end == null ? null
				: new Window(start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
	}

	static Instant instant(LocalDateTime time, ZoneId zone) {
		return time.atZone(zone).toInstant();
	}

	public LocalDateTime getStart() {
		return start;
	}

	public void setStart(LocalDateTime start) {
		this.start = start;
	}

	public LocalDateTime getEnd() {
		return end;
	}

	public void setEnd(LocalDateTime end) {
		this.end = end;
	}
}
