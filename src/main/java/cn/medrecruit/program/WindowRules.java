package cn.medrecruit.program;

import java.util.ArrayList;
import java.util.List;

import cn.medrecruit.shared.InputRejected;

/**
 * The rules of a batch's windows: each ends after it starts; review windows start no earlier than registration opens
 * and in chain order; admission, confirmation and check-in follow one another. Each finding names the form field it
 * belongs to.
 */
final class WindowRules {

	private WindowRules() {
	}

	static List<InputRejected> check(BatchSettings settings) {
		List<InputRejected> found = new ArrayList<>();
		Window registration = settings.registration();
		endAfterStart("registration", registration, found);
		Window previous = null;
		for (int i = 0; i < settings.stageWindows().size(); i++) {
			Window stage = settings.stageWindows().get(i);
			String field = "stageWindows[" + i + "]";
			if (stage == null) {
				continue;
			}
			endAfterStart(field, stage, found);
			if (registration != null && stage.start().isBefore(registration.start())) {
				found.add(new InputRejected(field + ".start", "program.validation.window.review-before-registration"));
			}
			else if (previous != null && stage.start().isBefore(previous.start())) {
				found.add(new InputRejected(field + ".start", "program.validation.window.stage-order", i));
			}
			previous = stage;
		}
		Window before = registration;
		String[] names = { "admission", "confirmation", "checkIn" };
		Window[] windows = { settings.admission(), settings.confirmation(), settings.checkIn() };
		for (int i = 0; i < windows.length; i++) {
			if (windows[i] == null) {
				continue;
			}
			endAfterStart(names[i], windows[i], found);
			if (before != null && windows[i].start().isBefore(before.start())) {
				found.add(new InputRejected(names[i] + ".start", "program.validation.window.after-previous"));
			}
			before = windows[i];
		}
		return found;
	}

	private static void endAfterStart(String field, Window window, List<InputRejected> found) {
		if (window != null && !window.end().isAfter(window.start())) {
			found.add(new InputRejected(field + ".end", "program.validation.window.end-before-start"));
		}
	}
}
