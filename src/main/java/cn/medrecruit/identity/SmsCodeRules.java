package cn.medrecruit.identity;

import java.security.SecureRandom;
import java.util.Optional;

/** Verification code generation and send limits; the counting itself happens elsewhere. */
public final class SmsCodeRules {

    private static final int CODE_RANGE = 1_000_000;

    private SmsCodeRules() {
    }

    public static String randomCode(SecureRandom random) {
        return String.format("%06d", random.nextInt(CODE_RANGE));
    }

    /** Counts are of messages already sent; a refusal is a message key. */
    public static Optional<String> sendRefusal(int sentLastMinute, int sentToday, int sentFromIpToday, SmsLimits limits) {
        if (sentLastMinute >= limits.perMinute()) {
            return Optional.of("sms.too-frequent");
        }
        if (sentToday >= limits.perDay()) {
            return Optional.of("sms.daily-limit");
        }
        if (sentFromIpToday >= limits.perIpPerDay()) {
            return Optional.of("sms.ip-limit");
        }
        return Optional.empty();
    }
}
