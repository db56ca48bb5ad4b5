package cn.medrecruit.shared;

/** Masks personal numbers for display; the mask keeps the original length so formats stay recognisable. */
public final class Masking {

    private static final int RESIDENT_ID_LENGTH = 18;

    private Masking() {
    }

    public static String maskIdNumber(String number) {
        if (number == null) {
            return "";
        }
        if (number.length() >= RESIDENT_ID_LENGTH) {
            return keep(number, 6, 4);
        }
        // Keeping two at each end of four or fewer characters would reveal everything.
        if (number.length() <= 4) {
            return "*".repeat(number.length());
        }
        return keep(number, 2, 2);
    }

    public static String maskPhone(String phone) {
        if (phone == null) {
            return "";
        }
        if (phone.matches("\\d{11}")) {
            return keep(phone, 3, 4);
        }
        return keep(phone, 0, Math.min(2, phone.length()));
    }

    private static String keep(String value, int head, int tail) {
        int hidden = value.length() - head - tail;
        return value.substring(0, head) + "*".repeat(hidden) + value.substring(head + hidden);
    }
}
