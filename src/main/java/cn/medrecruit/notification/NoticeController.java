package cn.medrecruit.notification;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.identity.CurrentUser;

/** 我的消息: the signed-in person's messages; opening one marks it read and follows its link. */
@Controller
@RequestMapping("/messages")
class NoticeController {

	static final String LIST = "notice/list";

	private final NoticeInbox inbox;
	private final MessageSource messages;

	NoticeController(NoticeInbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String before, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		Long cursor = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
		model.addAttribute("page", inbox.page(user.getId(), cursor));
		model.addAttribute("older", cursor != null);
		return LIST;
	}

	@PostMapping("/{id}/open")
	String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		String link = inbox.read(user.getId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:" + (link.isEmpty() ? "/messages" : link);
	}

	@PostMapping("/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		inbox.readAll(user.getId());
		redirect.addFlashAttribute("flashSuccess",
				messages.getMessage("notice.read-all.done", null, LocaleContextHolder.getLocale()));
		return "redirect:/messages";
	}
}
