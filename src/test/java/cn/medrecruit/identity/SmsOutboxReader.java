package cn.medrecruit.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.shared.Masking;

/** Reads the code a test's phone received from the outbox, as a tester would on the outbox page. */
final class SmsOutboxReader {

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private SmsOutboxReader() {
	}

	static String latestCode(JdbcClient jdbc, String phone) {
		String message = jdbc.sql("SELECT message FROM sms_outbox WHERE phone_masked = :masked ORDER BY id DESC LIMIT 1")
			.param("masked", Masking.maskPhone(phone))
			.query(String.class)
			.single();
		Matcher matcher = CODE.matcher(message);
		if (!matcher.find()) {
			throw new AssertionError("no code in " + message);
		}
		return matcher.group(1);
	}

}
