package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Abcdef1!", "Abcdefghijklm1!x", "Pa ss wo rd 9", "x~Y2yyyy", "Zz9[]{}|\\;:'\",.<"})
    void acceptsPasswordsMeetingEveryRule(String password) {
        assertThat(PasswordPolicy.violations(password, "zhangwei")).isEmpty();
    }

    @Test
    void lengthMustBeEightToSixteen() {
        assertThat(PasswordPolicy.violations("Abcde1!", null)).containsExactly("validation.password.length");
        assertThat(PasswordPolicy.violations("Abcdef1!", null)).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdefghijklm1!x", null)).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdefghijklm1!xy", null)).containsExactly("validation.password.length");
    }

    @Test
    void eachMissingClassIsReported() {
        assertThat(PasswordPolicy.violations("abcdef1!", null)).containsExactly("validation.password.upper");
        assertThat(PasswordPolicy.violations("ABCDEF1!", null)).containsExactly("validation.password.lower");
        assertThat(PasswordPolicy.violations("Abcdefg!", null)).containsExactly("validation.password.digit");
        assertThat(PasswordPolicy.violations("Abcdefg1", null)).containsExactly("validation.password.special");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordFailsEveryContentRule(String password) {
        assertThat(PasswordPolicy.violations(password, "zhangwei")).containsExactly(
                "validation.password.length",
                "validation.password.upper",
                "validation.password.lower",
                "validation.password.digit",
                "validation.password.special");
    }

    @Test
    void chineseCharactersAreRejectedAndDoNotCountAsSpecial() {
        assertThat(PasswordPolicy.violations("Abcdef12密码", null))
                .containsExactly("validation.password.special", "validation.password.charset");
    }

    @Test
    void emojiIsRejectedAndCountsAsOneCharacterForLength() {
        // seven ASCII characters plus one emoji (two UTF-16 units) is eight characters
        assertThat(PasswordPolicy.violations("Abcde1!\uD83D\uDE00", null))
                .containsExactly("validation.password.charset");
        assertThat(PasswordPolicy.violations("Abcdefghijklm1!\uD83D\uDE00", null))
                .containsExactly("validation.password.charset");
    }

    @Test
    void nonAsciiLettersAndDigitsDoNotSatisfyAsciiClasses() {
        // full-width letters and digits, Cyrillic capital and Arabic-Indic digit
        assertThat(PasswordPolicy.violations("ＡＢｃｄ１２!!", null)).containsExactly(
                "validation.password.upper",
                "validation.password.lower",
                "validation.password.digit",
                "validation.password.charset");
        assertThat(PasswordPolicy.violations("Жabcdef\u0661!", null)).containsExactly(
                "validation.password.upper",
                "validation.password.digit",
                "validation.password.charset");
    }

    @Test
    void controlCharactersAreRejected() {
        assertThat(PasswordPolicy.violations("Abcdef1!\t", null)).containsExactly("validation.password.charset");
        assertThat(PasswordPolicy.violations("Abcdef1\n", null))
                .containsExactly("validation.password.special", "validation.password.charset");
    }

    @Test
    void spaceCountsAsSpecial() {
        assertThat(PasswordPolicy.violations("Abcd ef1", null)).isEmpty();
    }

    @Test
    void loginNameIsNotAllowedInsideThePasswordIgnoringCase() {
        assertThat(PasswordPolicy.violations("xxZhangWei9!", "zhangwei"))
                .containsExactly("validation.password.contains-login");
        assertThat(PasswordPolicy.violations("xxzhangwei9!A", "ZHANGWEI"))
                .containsExactly("validation.password.contains-login");
        assertThat(PasswordPolicy.violations("xxZhang9!Wei", "zhangwei")).isEmpty();
    }

    @Test
    void loginNameIsTrimmedBeforeComparing() {
        assertThat(PasswordPolicy.violations("Doctor-Li9", "  doc  "))
                .containsExactly("validation.password.contains-login");
    }

    @Test
    void shortOrBlankLoginNamesAreIgnored() {
        assertThat(PasswordPolicy.violations("Abcdef1!", "ab")).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdef1!", " ab ")).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdef1!", "   ")).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdef1!", "")).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdef1!", null)).isEmpty();
        assertThat(PasswordPolicy.violations("Abcdef1!", "abc")).containsExactly("validation.password.contains-login");
    }

    @Test
    void reportsAllViolationsTogether() {
        assertThat(PasswordPolicy.violations("wang", "wang")).containsExactly(
                "validation.password.length",
                "validation.password.upper",
                "validation.password.digit",
                "validation.password.special",
                "validation.password.contains-login");
    }

    @Test
    void resultIsUnmodifiable() {
        List<String> violations = PasswordPolicy.violations("short", null);
        assertThat(violations).isUnmodifiable();
    }

    @Test
    void oneTimePasswordsAlwaysSatisfyThePolicyWithoutLookAlikes() {
        SecureRandom random = new SecureRandom();
        Set<String> drawn = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        Set<Character> seenFirst = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String password = PasswordPolicy.randomOneTimePassword(random);
            assertThat(password).hasSize(12).doesNotContainPattern("[OoIl01]");
            assertThat(PasswordPolicy.violations(password, null)).as(password).isEmpty();
            drawn.add(password);
            password.chars().forEach(c -> seen.add((char) c));
            seenFirst.add(password.charAt(0));
        }
        assertThat(drawn).hasSize(1_000);
        // Every class shows up at the first position, so the guaranteed characters are shuffled.
        assertThat(seenFirst).anyMatch(Character::isUpperCase).anyMatch(Character::isLowerCase)
                .anyMatch(Character::isDigit).anyMatch(c -> !Character.isLetterOrDigit(c));
        Set<Character> expectedAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!@#$%&*+-=?"
                .chars().mapToObj(c -> (char) c).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(expectedAlphabet);
    }
}
