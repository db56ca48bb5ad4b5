package cn.medrecruit.profile;

import java.io.IOException;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/** 证件材料: every slot with its files, upload and delete. */
@Controller
@RequestMapping("/profile/documents")
@PreAuthorize("hasRole('APPLICANT')")
class DocumentController {

	private final ApplicantDocuments documents;
	private final Texts texts;

	DocumentController(ApplicantDocuments documents, Texts texts) {
		this.documents = documents;
		this.texts = texts;
	}

	@GetMapping
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("board", new Board(documents.of(user.getId())));
		model.addAttribute("slots", DocumentSlot.values());
		return "profile/documents";
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam DocumentSlot slot,
			@RequestParam(required = false) Long educationRecordId, @RequestParam(required = false) String note,
			@RequestParam("file") MultipartFile file, @RequestParam(name = "return", required = false) String back,
			RedirectAttributes redirect) throws IOException {
		try {
			documents.upload(user.getId(), slot, educationRecordId, note, file.getOriginalFilename(), file.getBytes(),
					user);
			redirect.addFlashAttribute("flashSuccess", texts.get("profile.document.uploaded", texts.get(slot.messageKey())));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("flashError",
					texts.get(slot.messageKey()) + "：" + texts.get(rejected.messageKey(), rejected.arguments()));
		}
		return "redirect:" + ReturnPath.keep("/profile/documents", back) + "#slot-" + slot.name();
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			documents.delete(user.getId(), id, user);
			redirect.addFlashAttribute("flashSuccess", texts.get("profile.document.deleted"));
		}
		catch (InputRejected rejected) {
			redirect.addFlashAttribute("flashError", texts.get(rejected.messageKey(), rejected.arguments()));
		}
		return "redirect:/profile/documents";
	}

	/** The documents of each slot (and education record), for the page. */
	record Board(List<ApplicantDocuments.Document> documents) {

		public List<ApplicantDocuments.Document> held(DocumentSlot slot, Long educationRecordId) {
			return documents.stream()
				.filter(document -> document.slot() == slot)
				.filter(document -> java.util.Objects.equals(document.educationRecordId(), educationRecordId))
				.toList();
		}
	}
}
