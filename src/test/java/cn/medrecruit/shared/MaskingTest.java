package cn.medrecruit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @Test
    void residentIdKeepsFirstSixAndLastFour() {
        assertThat(Masking.maskIdNumber("350111199909090905")).isEqualTo("350111********0905");
        assertThat(Masking.maskIdNumber("11010519491231002X")).isEqualTo("110105********002X");
    }

    @ParameterizedTest
    @CsvSource({
            "E12345678, E1*****78",
            "H1234567890, H1*******90",
            "12345678, 12****78",
            "AB1234567890CDEFG, AB*************FG",
            "E1234, E1*34"
    })
    void shorterNumbersKeepFirstTwoAndLastTwo(String number, String masked) {
        assertThat(Masking.maskIdNumber(number)).isEqualTo(masked);
    }

    @Test
    void veryShortNumbersAreFullyHidden() {
        assertThat(Masking.maskIdNumber("1234")).isEqualTo("****");
        assertThat(Masking.maskIdNumber("1")).isEqualTo("*");
        assertThat(Masking.maskIdNumber("")).isEmpty();
    }

    @Test
    void maskKeepsTheLength() {
        assertThat(Masking.maskIdNumber("350111199909090905")).hasSize(18);
        assertThat(Masking.maskIdNumber("E12345678")).hasSize(9);
    }

    @Test
    void nullIdNumberBecomesEmpty() {
        assertThat(Masking.maskIdNumber(null)).isEmpty();
    }

    @Test
    void mobileNumberKeepsFirstThreeAndLastFour() {
        assertThat(Masking.maskPhone("15012340404")).isEqualTo("150****0404");
    }

    @ParameterizedTest
    @CsvSource({
            "1501234040, ********40",
            "150123404045, **********45",
            "150-1234-0404, ***********04",
            "+8615012340404, ************04",
            "1501234040a, *********0a",
            "12, 12",
            "7, 7"
    })
    void otherPhoneValuesKeepOnlyTheLastTwo(String phone, String masked) {
        assertThat(Masking.maskPhone(phone)).isEqualTo(masked);
    }

    @Test
    void nullOrEmptyPhoneBecomesEmpty() {
        assertThat(Masking.maskPhone(null)).isEmpty();
        assertThat(Masking.maskPhone("")).isEmpty();
    }
}
