package cn.medrecruit.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;
import cn.medrecruit.shared.Texts;

/** Sends SMS codes (after an image captcha) and shows the outbox to testers and administrators. */
@Controller
class SmsController {

	private final SmsCodes codes;
	private final Captchas captchas;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final OutboxSmsGateway outbox;
	private final Texts texts;

	SmsController(SmsCodes codes, Captchas captchas, Accounts accounts, PersonalDataCipher cipher,
			OutboxSmsGateway outbox, Texts texts) {
		this.codes = codes;
		this.captchas = captchas;
		this.accounts = accounts;
		this.cipher = cipher;
		this.outbox = outbox;
		this.texts = texts;
	}

	@PostMapping("/sms/codes")
	String send(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String newPhone,
			@RequestParam SmsPurpose purpose,
			@RequestParam(required = false) String captcha, @RequestParam(required = false) String idNumber,
			HttpSession session, HttpServletRequest request, Model model) {
		// the phone-change form names its number newPhone
		String trimmed = (phone.isBlank() ? newPhone : phone).trim();
		Optional<String> refusal = refusal(trimmed, purpose, captcha, idNumber, session)
			.or(() -> codes.send(trimmed, purpose, request.getRemoteAddr()));
		model.addAttribute("smsOk", refusal.isEmpty());
		model.addAttribute("smsText", refusal.map(this::text).orElseGet(() -> text("sms.sent", Masking.maskPhone(trimmed))));
		return "fragments/sms :: result";
	}

	private Optional<String> refusal(String phone, SmsPurpose purpose, String captcha, String idNumber,
			HttpSession session) {
		if (!captchas.verify(session, captcha)) {
			return Optional.of("captcha.wrong");
		}
		if (!SmsCodes.isMobile(phone)) {
			return Optional.of("validation.phone");
		}
		if (purpose == SmsPurpose.CHANGE_PHONE && SignedInSession.current() == null) {
			return Optional.of("sms.no-match");
		}
		if (purpose == SmsPurpose.RESET_PASSWORD) {
			boolean matches = idNumber != null && accounts.findByIdNumberHash(cipher.lookupHash(IdDocuments.normalize(idNumber)))
				.map(account -> cipher.lookupHash(phone).equals(account.phoneHash))
				.orElse(false);
			return matches ? Optional.empty() : Optional.of("sms.no-match");
		}
		return Optional.empty();
	}

	@GetMapping("/sms/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", outbox.latest(50));
		return "sms/outbox";
	}

	private String text(String key, Object... args) {
		return texts.get(key, args);
	}
}
