package cn.medrecruit.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * Image captchas kept in the (shared) session. Each answer can be checked once: a wrong or a right answer both use
 * it up, so it cannot be guessed repeatedly.
 */
@Component("captchas")
public class Captchas {

	static final String SESSION_KEY = "medrecruit.captcha";
	private static final Duration VALIDITY = Duration.ofMinutes(5);

	private final CaptchaProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Captchas(CaptchaProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	public boolean isEnabled() {
		return properties.enabled();
	}

	byte[] newImage(HttpSession session) {
		String text = CaptchaImages.randomText(random);
		session.setAttribute(SESSION_KEY, new Issued(text, clock.instant()));
		return CaptchaImages.png(text);
	}

	boolean verify(HttpSession session, String answer) {
		if (!properties.enabled()) {
			return true;
		}
		if (session == null) {
			return false;
		}
		Object issued = session.getAttribute(SESSION_KEY);
		session.removeAttribute(SESSION_KEY);
		return issued instanceof Issued captcha && answer != null
				&& captcha.issuedAt().plus(VALIDITY).isAfter(clock.instant())
				&& captcha.text().equalsIgnoreCase(answer.trim());
	}

	record Issued(String text, Instant issuedAt) implements java.io.Serializable {
	}
}
