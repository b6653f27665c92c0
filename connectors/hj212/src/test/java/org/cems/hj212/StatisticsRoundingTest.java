package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statistics written by the encoder: HJ 212-2025 rounds half to even (四舍六入五成双), earlier editions half up. */
class StatisticsRoundingTest {

    @ParameterizedTest(name = "{0} to {1} digits: 2025 {2}, 2017 {3}")
    @CsvSource({
        "2.25, 1, 2.2, 2.3", // 5 after an even digit: 2025 keeps it
        "2.35, 1, 2.4, 2.4", // 5 after an odd digit: up in both
        "2.2501, 1, 2.3, 2.3", // more than half: up
        "2.24, 1, 2.2, 2.2", // less than half: down (四舍)
        "2.26, 1, 2.3, 2.3", // 六入
        "-2.25, 1, -2.2, -2.3",
        "220.205, 2, 220.20, 220.21",
        "220.215, 2, 220.22, 220.22",
        "2.675, 2, 2.68, 2.68", // the decimal value, not 2.67499999... of the binary double
        "0.5, 0, 0, 1",
        "1.5, 0, 2, 2",
        "12, 2, 12.00, 12.00"
    })
    void halfEvenFor2025HalfUpBefore(double value, int decimals, String in2025, String in2017) {
        assertThat(Hj212Encoder.number(value, decimals, Hj212Edition.HJ212_2025))
                .isEqualTo(in2025);
        assertThat(Hj212Encoder.number(value, decimals, Hj212Edition.HJ212_2017))
                .isEqualTo(in2017);
        assertThat(Hj212Encoder.number(value, decimals, Hj212Edition.HJT212_2005))
                .isEqualTo(in2017);
    }

    @Test
    void onlyFiniteValues() {
        assertThatThrownBy(() -> Hj212Encoder.number(Double.NaN, 1, Hj212Edition.HJ212_2025))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
