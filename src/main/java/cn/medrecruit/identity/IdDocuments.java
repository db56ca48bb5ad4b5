package cn.medrecruit.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Format and GB 11643-1999 checks for identity document numbers. */
public final class IdDocuments {

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern HK_MACAU_PERMIT = Pattern.compile("[HM](\\d{8}|\\d{10})");
    private static final Pattern TAIWAN_PERMIT = Pattern.compile("\\d{8}|\\d{10}[A-Z]?");
    private static final Pattern PASSPORT = Pattern.compile("(?=.*\\d)[A-Z\\d]{5,17}");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private IdDocuments() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        // (?U) so full-width and no-break spaces from Chinese input methods are removed too
        return WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public static Optional<String> violation(IdDocumentType type, String number, LocalDate today) {
        String normalized = normalize(number);
        if (normalized == null || normalized.isEmpty()) {
            return Optional.of("validation.id-number.required");
        }
        if (!pattern(type).matcher(normalized).matches()) {
            return Optional.of("validation.id-number.format");
        }
        if (type != IdDocumentType.RESIDENT_ID) {
            return Optional.empty();
        }
        Optional<LocalDate> birthDate = parseBirthDate(normalized);
        if (birthDate.isEmpty()
                || birthDate.get().isBefore(EARLIEST_BIRTH_DATE)
                || birthDate.get().isAfter(today)) {
            return Optional.of("validation.id-number.birth-date");
        }
        if (normalized.charAt(17) != checkDigit(normalized)) {
            return Optional.of("validation.id-number.check-digit");
        }
        return Optional.empty();
    }

    /** Empty unless the number is a resident ID with a real date and a correct check digit. */
    public static Optional<LocalDate> birthDate(IdDocumentType type, String number) {
        return checkedResidentId(type, number).flatMap(IdDocuments::parseBirthDate);
    }

    /** Empty unless the number is a resident ID with a real date and a correct check digit. */
    public static Optional<Gender> gender(IdDocumentType type, String number) {
        return checkedResidentId(type, number)
                .map(n -> (n.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    // The range check against today needs a clock, so it stays in violation().
    private static Optional<String> checkedResidentId(IdDocumentType type, String number) {
        String normalized = normalize(number);
        if (type != IdDocumentType.RESIDENT_ID
                || normalized == null
                || !RESIDENT_ID.matcher(normalized).matches()
                || parseBirthDate(normalized).isEmpty()
                || normalized.charAt(17) != checkDigit(normalized)) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }

    private static Pattern pattern(IdDocumentType type) {
        return switch (type) {
            case RESIDENT_ID -> RESIDENT_ID;
            case HK_MACAU_PERMIT -> HK_MACAU_PERMIT;
            case TAIWAN_PERMIT -> TAIWAN_PERMIT;
            case PASSPORT -> PASSPORT;
        };
    }

    private static Optional<LocalDate> parseBirthDate(String residentId) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(residentId.substring(6, 10)),
                    Integer.parseInt(residentId.substring(10, 12)),
                    Integer.parseInt(residentId.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static char checkDigit(String residentId) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (residentId.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }
}
