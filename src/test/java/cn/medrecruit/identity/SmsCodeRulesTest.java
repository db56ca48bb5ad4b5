package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsCodeRulesTest {

    private static final SmsLimits DEFAULTS = SmsLimits.defaults();

    /** Returns a fixed value and records the bound it was asked for. */
    private static final class FixedRandom extends SecureRandom {
        private final int value;
        private int bound;

        FixedRandom(int value) {
            this.value = value;
        }

        @Override
        public int nextInt(int bound) {
            this.bound = bound;
            return value;
        }
    }

    @Test
    void codesAreSixDigits() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = SmsCodeRules.randomCode(random);
            assertThat(code).matches("\\d{6}");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(900);
    }

    @Test
    void codesKeepLeadingZeros() {
        assertThat(SmsCodeRules.randomCode(new FixedRandom(0))).isEqualTo("000000");
        assertThat(SmsCodeRules.randomCode(new FixedRandom(42))).isEqualTo("000042");
    }

    @Test
    void codesCoverTheWholeSixDigitRange() {
        FixedRandom random = new FixedRandom(999_999);

        assertThat(SmsCodeRules.randomCode(random)).isEqualTo("999999");
        assertThat(random.bound).isEqualTo(1_000_000);
    }

    @Test
    void defaultsAreOnePerMinuteTenPerDayFiftyPerIp() {
        assertThat(DEFAULTS).isEqualTo(new SmsLimits(1, 10, 50));
    }

    @Test
    void firstMessageIsAllowed() {
        assertThat(SmsCodeRules.sendRefusal(0, 0, 0, DEFAULTS)).isEmpty();
    }

    @Test
    void perMinuteLimitBoundary() {
        SmsLimits limits = new SmsLimits(2, 10, 50);

        assertThat(SmsCodeRules.sendRefusal(1, 1, 1, limits)).isEmpty();
        assertThat(SmsCodeRules.sendRefusal(2, 2, 2, limits)).contains("sms.too-frequent");
        assertThat(SmsCodeRules.sendRefusal(1, 0, 0, DEFAULTS)).contains("sms.too-frequent");
    }

    @Test
    void dailyLimitBoundary() {
        assertThat(SmsCodeRules.sendRefusal(0, 9, 9, DEFAULTS)).isEmpty();
        assertThat(SmsCodeRules.sendRefusal(0, 10, 10, DEFAULTS)).contains("sms.daily-limit");
        assertThat(SmsCodeRules.sendRefusal(0, 11, 11, DEFAULTS)).contains("sms.daily-limit");
    }

    @Test
    void ipLimitBoundary() {
        assertThat(SmsCodeRules.sendRefusal(0, 0, 49, DEFAULTS)).isEmpty();
        assertThat(SmsCodeRules.sendRefusal(0, 0, 50, DEFAULTS)).contains("sms.ip-limit");
        assertThat(SmsCodeRules.sendRefusal(0, 0, 51, DEFAULTS)).contains("sms.ip-limit");
    }

    @ParameterizedTest
    @CsvSource({
            "1, 10, 50, sms.too-frequent",
            "1, 0, 50, sms.too-frequent",
            "0, 10, 50, sms.daily-limit"
    })
    void stricterWindowIsReportedFirst(int lastMinute, int today, int fromIp, String expected) {
        assertThat(SmsCodeRules.sendRefusal(lastMinute, today, fromIp, DEFAULTS)).contains(expected);
    }

    @Test
    void customLimitsAreRespected() {
        SmsLimits limits = new SmsLimits(3, 5, 7);

        assertThat(SmsCodeRules.sendRefusal(2, 4, 6, limits)).isEmpty();
        assertThat(SmsCodeRules.sendRefusal(3, 4, 6, limits)).contains("sms.too-frequent");
        assertThat(SmsCodeRules.sendRefusal(2, 5, 6, limits)).contains("sms.daily-limit");
        assertThat(SmsCodeRules.sendRefusal(2, 4, 7, limits)).contains("sms.ip-limit");
    }

    @ParameterizedTest
    @CsvSource({"0, 10, 50", "1, 0, 50", "1, 10, 0", "-1, 10, 50"})
    void limitsMustBePositive(int perMinute, int perDay, int perIpPerDay) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SmsLimits(perMinute, perDay, perIpPerDay));
    }
}
