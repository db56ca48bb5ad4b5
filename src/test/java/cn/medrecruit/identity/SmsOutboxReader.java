package cn.medrecruit.identity;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.shared.Masking;

/** Reads the code a test's phone received from the outbox, as a tester would on the outbox page. */
final class SmsOutboxReader {

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private SmsOutboxReader() {
	}

	/** A mobile number unlikely to collide with another test's (the outbox lists numbers masked). */
	static String uniquePhone() {
		return "15" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
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

	/** A valid resident ID number with a random sequence part (GB 11643 check digit computed). */
	static String uniqueResidentId() {
		String body = "350102" + "1990" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12))
				+ String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28))
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}
}
