package cn.medrecruit.identity;

import static cn.medrecruit.identity.IdDocumentType.HK_MACAU_PERMIT;
import static cn.medrecruit.identity.IdDocumentType.PASSPORT;
import static cn.medrecruit.identity.IdDocumentType.RESIDENT_ID;
import static cn.medrecruit.identity.IdDocumentType.TAIWAN_PERMIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdDocumentsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static final String FEMALE_1999 = "350111199909090905";
    private static final String MALE_1995 = "350102199503151230";
    private static final String FEMALE_1993 = "350524199307124569";

    /** Independent GB 11643-1999 check digit so test numbers have exactly one defect. */
    static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.getNumericValue(first17.charAt(i)) * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    @Test
    void checkDigitHelperAgreesWithKnownNumbers() {
        assertThat(withCheckDigit(FEMALE_1999.substring(0, 17))).isEqualTo(FEMALE_1999);
        assertThat(withCheckDigit(MALE_1995.substring(0, 17))).isEqualTo(MALE_1995);
        assertThat(withCheckDigit(FEMALE_1993.substring(0, 17))).isEqualTo(FEMALE_1993);
    }

    @Nested
    class Normalize {

        @Test
        void trimsRemovesInnerSpacesAndUppercases() {
            assertThat(IdDocuments.normalize("  3501 1119 9909 0909 0x ")).isEqualTo("35011119990909090X");
            assertThat(IdDocuments.normalize("h 1234 5678")).isEqualTo("H12345678");
        }

        @Test
        void removesTabsAndFullWidthSpaces() {
            assertThat(IdDocuments.normalize("\te12\u300034567\u00a0")).isEqualTo("E1234567");
        }

        @Test
        void keepsNull() {
            assertThat(IdDocuments.normalize(null)).isNull();
        }

        @Test
        void blankBecomesEmpty() {
            assertThat(IdDocuments.normalize("   ")).isEmpty();
        }
    }

    @Nested
    class ResidentId {

        @ParameterizedTest
        @ValueSource(strings = {FEMALE_1999, MALE_1995, FEMALE_1993})
        void acceptsValidNumbers(String number) {
            assertThat(IdDocuments.violation(RESIDENT_ID, number, TODAY)).isEmpty();
        }

        @Test
        void acceptsLowercaseXAndSpacesThroughNormalization() {
            String endsInX = withCheckDigit("11010519491231002");
            assertThat(endsInX).endsWith("X");

            String typed = " " + endsInX.substring(0, 9) + " " + endsInX.substring(9).toLowerCase() + " ";
            assertThat(IdDocuments.violation(RESIDENT_ID, typed, TODAY)).isEmpty();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\u3000"})
        void missingNumberIsRequired(String number) {
            assertThat(IdDocuments.violation(RESIDENT_ID, number, TODAY))
                    .contains("validation.id-number.required");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "35011119990909090",     // 17 characters
                "3501111999090909050",   // 19 characters
                "35011119990909090Y",    // wrong trailing letter
                "3501111999090909X5",    // X not in last place
                "35011119990909０905"    // full-width digit
        })
        void rejectsWrongShape(String number) {
            assertThat(IdDocuments.violation(RESIDENT_ID, number, TODAY))
                    .contains("validation.id-number.format");
        }

        @Test
        void rejectsBadCheckDigit() {
            assertThat(IdDocuments.violation(RESIDENT_ID, "350111199909090909", TODAY))
                    .contains("validation.id-number.check-digit");
        }

        @Test
        void rejectsImpossibleDateEvenWithCorrectCheckDigit() {
            String february30 = withCheckDigit("35011119990230090");
            assertThat(february30).startsWith("350111199902300903".substring(0, 17));

            assertThat(IdDocuments.violation(RESIDENT_ID, february30, TODAY))
                    .contains("validation.id-number.birth-date");
        }

        @ParameterizedTest
        @ValueSource(strings = {"19990001", "19991301", "19990100", "19990431", "19000229"})
        void rejectsOtherImpossibleDates(String yyyymmdd) {
            String number = withCheckDigit("350111" + yyyymmdd + "090");
            assertThat(IdDocuments.violation(RESIDENT_ID, number, TODAY))
                    .contains("validation.id-number.birth-date");
        }

        @Test
        void acceptsLeapDay() {
            assertThat(IdDocuments.violation(RESIDENT_ID, withCheckDigit("35011120000229090"), TODAY)).isEmpty();
        }

        @Test
        void birthDateMayBeTodayButNotLater() {
            assertThat(IdDocuments.violation(RESIDENT_ID, withCheckDigit("35011120250601090"), TODAY)).isEmpty();
            assertThat(IdDocuments.violation(RESIDENT_ID, withCheckDigit("35011120250602090"), TODAY))
                    .contains("validation.id-number.birth-date");
        }

        @Test
        void birthDateMayBeFirstDayOf1900ButNotEarlier() {
            assertThat(IdDocuments.violation(RESIDENT_ID, withCheckDigit("35011119000101090"), TODAY)).isEmpty();
            assertThat(IdDocuments.violation(RESIDENT_ID, withCheckDigit("35011118991231090"), TODAY))
                    .contains("validation.id-number.birth-date");
        }

        @Test
        void formatIsReportedBeforeDateAndCheckDigit() {
            assertThat(IdDocuments.violation(RESIDENT_ID, "3501111999023009", TODAY))
                    .contains("validation.id-number.format");
        }

        @Test
        void dateIsReportedBeforeCheckDigit() {
            String february30 = withCheckDigit("35011119990230090");
            String wrongCheck = february30.substring(0, 17) + (february30.endsWith("0") ? "1" : "0");
            assertThat(IdDocuments.violation(RESIDENT_ID, wrongCheck, TODAY))
                    .contains("validation.id-number.birth-date");
        }
    }

    @Nested
    class HkMacauPermit {

        @ParameterizedTest
        @ValueSource(strings = {"H12345678", "M12345678", "H1234567890", "m 1234 5678 90"})
        void acceptsHOrMWithEightOrTenDigits(String number) {
            assertThat(IdDocuments.violation(HK_MACAU_PERMIT, number, TODAY)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345678", "C12345678", "H1234567", "H123456789", "H12345678901", "H1234567A"})
        void rejectsOtherShapes(String number) {
            assertThat(IdDocuments.violation(HK_MACAU_PERMIT, number, TODAY))
                    .contains("validation.id-number.format");
        }

        @Test
        void blankIsRequired() {
            assertThat(IdDocuments.violation(HK_MACAU_PERMIT, " ", TODAY))
                    .contains("validation.id-number.required");
        }
    }

    @Nested
    class TaiwanPermit {

        @ParameterizedTest
        @ValueSource(strings = {"12345678", "1234567801", "1234567801B", "1234567801b"})
        void acceptsEightOrTenDigitsWithOptionalLetter(String number) {
            assertThat(IdDocuments.violation(TAIWAN_PERMIT, number, TODAY)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567", "123456789", "12345678A", "1234567801(B)", "1234567801BC", "T12345678"})
        void rejectsOtherShapes(String number) {
            assertThat(IdDocuments.violation(TAIWAN_PERMIT, number, TODAY))
                    .contains("validation.id-number.format");
        }
    }

    @Nested
    class Passport {

        @ParameterizedTest
        @ValueSource(strings = {"E1234", "E12345678", "g 1234 5678", "12345", "AB1234567890CDEFG"})
        void acceptsFiveToSeventeenLettersAndDigits(String number) {
            assertThat(IdDocuments.violation(PASSPORT, number, TODAY)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"E123", "AB1234567890CDEFGH", "ABCDEFGH", "E1234-567", "E1234567\u00e9"})
        void rejectsOtherShapes(String number) {
            assertThat(IdDocuments.violation(PASSPORT, number, TODAY))
                    .contains("validation.id-number.format");
        }
    }

    @Test
    void residentIdRulesDoNotApplyToOtherTypes() {
        // 17 digits with an impossible date would fail as a resident ID, not as a passport
        assertThat(IdDocuments.violation(PASSPORT, "35011119990230090", TODAY)).isEmpty();
    }

    @Test
    void residentIdIsNotAValidPermitNumber() {
        assertThat(IdDocuments.violation(HK_MACAU_PERMIT, FEMALE_1999, TODAY))
                .contains("validation.id-number.format");
        assertThat(IdDocuments.violation(TAIWAN_PERMIT, FEMALE_1999, TODAY))
                .contains("validation.id-number.format");
    }

    @Nested
    class BirthDateAndGender {

        @Test
        void readsBirthDateFromValidResidentIds() {
            assertThat(IdDocuments.birthDate(RESIDENT_ID, FEMALE_1999)).contains(LocalDate.of(1999, 9, 9));
            assertThat(IdDocuments.birthDate(RESIDENT_ID, MALE_1995)).contains(LocalDate.of(1995, 3, 15));
            assertThat(IdDocuments.birthDate(RESIDENT_ID, FEMALE_1993)).contains(LocalDate.of(1993, 7, 12));
        }

        @Test
        void readsGenderFromSeventeenthDigit() {
            assertThat(IdDocuments.gender(RESIDENT_ID, FEMALE_1999)).contains(Gender.FEMALE);
            assertThat(IdDocuments.gender(RESIDENT_ID, MALE_1995)).contains(Gender.MALE);
            assertThat(IdDocuments.gender(RESIDENT_ID, FEMALE_1993)).contains(Gender.FEMALE);
        }

        @Test
        void normalizesBeforeReading() {
            assertThat(IdDocuments.birthDate(RESIDENT_ID, " 350102 19950315 1230 ")).contains(LocalDate.of(1995, 3, 15));
            assertThat(IdDocuments.gender(RESIDENT_ID, " 350102 19950315 1230 ")).contains(Gender.MALE);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"350111199909090909", "35011119990909090", "35011119990909090A"})
        void emptyForInvalidResidentIds(String number) {
            assertThat(IdDocuments.birthDate(RESIDENT_ID, number)).isEmpty();
            assertThat(IdDocuments.gender(RESIDENT_ID, number)).isEmpty();
        }

        @Test
        void emptyForImpossibleDateWithCorrectCheckDigit() {
            String february30 = withCheckDigit("35011119990230090");
            assertThat(IdDocuments.birthDate(RESIDENT_ID, february30)).isEmpty();
            assertThat(IdDocuments.gender(RESIDENT_ID, february30)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = IdDocumentType.class, names = "RESIDENT_ID", mode = EnumSource.Mode.EXCLUDE)
        void emptyForOtherDocumentTypes(IdDocumentType type) {
            assertThat(IdDocuments.birthDate(type, FEMALE_1999)).isEmpty();
            assertThat(IdDocuments.gender(type, MALE_1995)).isEmpty();
        }
    }
}
