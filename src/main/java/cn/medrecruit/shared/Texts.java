package cn.medrecruit.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts from the message bundle in Simplified Chinese, whatever the browser asks for: also in security filters and
 * background work, where no locale resolver runs.
 */
@Component
public class Texts {

	public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LOCALE);
	}
}
