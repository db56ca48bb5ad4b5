package cn.medrecruit.shared;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page. */
@ControllerAdvice
class LayoutModel {

	private final DemoMode demoMode;

	LayoutModel(DemoMode demoMode) {
		this.demoMode = demoMode;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demoMode.isActive();
	}
}
