package cn.medrecruit.review;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.Program;

/** 进度跟踪 of the staff: one batch's figures per region and stage, as charts and as a table. */
@Controller
@PreAuthorize("@access.can('PROGRESS_TRACK')")
class ProgressController {

	private final ReviewProgress progress;

	ProgressController(ReviewProgress progress) {
		this.progress = progress;
	}

	@GetMapping("/review/progress")
	String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String program,
			@RequestParam(required = false) Long batch, Model model) {
		if (!user.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		String programCode = program == null || program.isBlank() ? null : program;
		List<ReviewProgress.BatchChoice> choices = progress.batches(user, programCode);
		Long chosen = batch != null && choices.stream().anyMatch(choice -> choice.id() == batch) ? batch
				: choices.isEmpty() ? null : choices.get(0).id();
		model.addAttribute("programs", Program.values());
		model.addAttribute("program", programCode);
		model.addAttribute("choices", choices);
		model.addAttribute("batch", chosen);
		model.addAttribute("d", chosen == null ? null : progress.dashboard(user, chosen).orElse(null));
		return "review/progress";
	}
}
