package cn.medrecruit;

import java.util.concurrent.ThreadLocalRandom;

/** Values that tests sharing one database can use without colliding. */
public final class TestData {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private TestData() {
	}

	public static String uniquePhone() {
		return "15" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

	/** A valid resident ID number (GB 11643 check digit) with random birth date and sequence. */
	public static String uniqueResidentId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String body = "350102" + (1970 + random.nextInt(35)) + String.format("%02d", 1 + random.nextInt(12))
				+ String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * WEIGHTS[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	public static String uniqueLoginName(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}
}
