package cn.medrecruit.shared;

import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page. */
@ControllerAdvice
class LayoutModel {

	private final DemoMode demoMode;
	private final ZoneId zone;

	LayoutModel(DemoMode demoMode, PlatformProperties properties) {
		this.demoMode = demoMode;
		this.zone = properties.timeZone();
	}

	/** The zone in which pages show times. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demoMode.isActive();
	}
}
