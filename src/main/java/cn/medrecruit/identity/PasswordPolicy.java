package cn.medrecruit.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Password rules for account holders; results are message keys. */
public final class PasswordPolicy {

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 16;
    // Shorter login names would match too many ordinary passwords.
    private static final int MIN_LOGIN_LENGTH_CHECKED = 3;

    private static final int ONE_TIME_LENGTH = 12;
    // Without I, O, l, o, 0 and 1, which are easily misread when passwords are read out or printed.
    private static final String ONE_TIME_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ONE_TIME_LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String ONE_TIME_DIGITS = "23456789";
    private static final String ONE_TIME_SPECIAL = "!@#$%&*+-=?";
    private static final String ONE_TIME_ALL = ONE_TIME_UPPER + ONE_TIME_LOWER + ONE_TIME_DIGITS + ONE_TIME_SPECIAL;

    private PasswordPolicy() {
    }

    public static List<String> violations(String password, String loginName) {
        String candidate = password == null ? "" : password;
        List<String> violations = new ArrayList<>();
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            violations.add("validation.password.length");
        }
        if (candidate.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            violations.add("validation.password.upper");
        }
        if (candidate.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            violations.add("validation.password.lower");
        }
        if (candidate.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            violations.add("validation.password.digit");
        }
        if (candidate.chars().noneMatch(PasswordPolicy::isSpecial)) {
            violations.add("validation.password.special");
        }
        if (!candidate.chars().allMatch(PasswordPolicy::isPrintableAscii)) {
            violations.add("validation.password.charset");
        }
        if (containsLogin(candidate, loginName)) {
            violations.add("validation.password.contains-login");
        }
        return List.copyOf(violations);
    }

    /** A 12-character password that always satisfies the policy and has no look-alike characters. */
    public static String randomOneTimePassword(SecureRandom random) {
        char[] chars = new char[ONE_TIME_LENGTH];
        chars[0] = pick(ONE_TIME_UPPER, random);
        chars[1] = pick(ONE_TIME_LOWER, random);
        chars[2] = pick(ONE_TIME_DIGITS, random);
        chars[3] = pick(ONE_TIME_SPECIAL, random);
        for (int i = 4; i < chars.length; i++) {
            chars[i] = pick(ONE_TIME_ALL, random);
        }
        // Shuffle so the guaranteed classes do not sit at predictable positions.
        for (int i = chars.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }

    private static char pick(String alphabet, SecureRandom random) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }

    private static boolean isPrintableAscii(int c) {
        return c >= ' ' && c <= '~';
    }

    private static boolean isSpecial(int c) {
        return isPrintableAscii(c) && !Character.isLetterOrDigit(c);
    }

    private static boolean containsLogin(String password, String loginName) {
        if (loginName == null) {
            return false;
        }
        String login = loginName.strip();
        return login.length() >= MIN_LOGIN_LENGTH_CHECKED
                && password.toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT));
    }
}
