package cn.medrecruit.identity;

/** How many verification SMS may be sent to one phone per minute and per day, and from one IP per day. */
public record SmsLimits(int perMinute, int perDay, int perIpPerDay) {

    public SmsLimits {
        if (perMinute < 1 || perDay < 1 || perIpPerDay < 1) {
            throw new IllegalArgumentException("SMS limits must be at least 1");
        }
    }

    public static SmsLimits defaults() {
        return new SmsLimits(1, 10, 50);
    }
}
