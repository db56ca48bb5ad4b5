package cn.medrecruit.application;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.Batches;

/** The applicant downloads the form of a submitted application; a draft has no form yet. */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class ApplicationFormController {

	private final Applications applications;
	private final ApplicationForms forms;
	private final Batches batches;

	ApplicationFormController(Applications applications, ApplicationForms forms, Batches batches) {
		this.applications = applications;
		this.forms = forms;
		this.batches = batches;
	}

	@GetMapping("/applications/{id}/form.pdf")
	ResponseEntity<byte[]> form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		ApplicationView application = applications.find(user.getId(), id)
			.filter(found -> found.status() != ApplicationStatus.DRAFT && found.status() != ApplicationStatus.CANCELLED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String number = ApplicationForms.numberOf(application, batches.find(application.batchId()).orElseThrow());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("报名表-" + number + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(forms.render(application));
	}
}
