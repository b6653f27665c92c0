package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encoder against the escaping table (peers-influxdb-grafana-docker.md, section 2.8). */
class LineProtocolTest {

    private static String line(InfluxPoint.Builder point) {
        return LineProtocol.encode(point.timeMillis(1_700_000_000_123L).build(), WritePrecision.MILLISECONDS);
    }

    @Test
    void writesSortedTagsFieldsTypesAndTime() {
        String line = line(InfluxPoint.measurement("emission")
                .tag("source", "s1")
                .tag("enterprise", "e1")
                .field("conc_mg_m3", 12.5)
                .field("valid_count", 60L)
                .field("exceeded", false)
                .field("note", "ok"));
        assertThat(line)
                .isEqualTo(
                        "emission,enterprise=e1,source=s1 conc_mg_m3=12.5,exceeded=false,note=\"ok\",valid_count=60i 1700000000123");
    }

    @ParameterizedTest(name = "measurement [{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "cpu load|cpu\\ load",
                "a,b|a\\,b",
                "a=b|a=b",
                "say\"hi\"|say\"hi\"",
            })
    void measurementEscapesCommaAndSpaceOnly(String raw, String expected) {
        assertThat(line(InfluxPoint.measurement(raw).field("f", 1L))).isEqualTo(expected + " f=1i 1700000000123");
    }

    @ParameterizedTest(name = "tag value [{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "'a b'|a\\ b",
                "a,b|a\\,b",
                "a=b|a\\=b",
                "'q\"uo''te'|'q\"uo''te'",
                "'back\\slash'|back\\slash",
                "'two\\\\ok'|two\\\\ok",
                "'even\\\\,comma'|even\\\\\\,comma",
                "'odd\\,comma'|odd⧵\\,comma",
                "'trailing\\'|trailing⧵",
                "'\\'|⧵",
                "emoji 😀|emoji\\ 😀",
            })
    void tagValuesEscapeCommaEqualsSpace(String raw, String expected) {
        assertThat(line(InfluxPoint.measurement("m").tag("k", raw).field("f", 1L)))
                .isEqualTo("m,k=" + expected + " f=1i 1700000000123");
    }

    @Test
    void tagAndFieldKeysEscapeLikeTagValues() {
        assertThat(line(InfluxPoint.measurement("m").tag("a key,=", "v").field("f key,=", 1L)))
                .isEqualTo("m,a\\ key\\,\\==v f\\ key\\,\\==1i 1700000000123");
    }

    @Test
    void stringFieldsEscapeQuoteAndBackslashOnly() {
        assertThat(line(InfluxPoint.measurement("m").field("s", "a \"b\" c\\d, e=f")))
                .isEqualTo("m s=\"a \\\"b\\\" c\\\\d, e=f\" 1700000000123");
    }

    @Test
    void lineBreaksNeverReachTheWireAndAreReported() {
        List<String> replaced = new ArrayList<>();
        LineProtocol.EncodingListener listener = new LineProtocol.EncodingListener() {
            @Override
            public void characterReplaced(String measurement) {
                replaced.add(measurement);
            }
        };
        InfluxPoint point = InfluxPoint.measurement("m")
                .tag("k", "x\ny")
                .field("s", "a\r\nb\n")
                .field("evil\nkey", 1L)
                .timeMillis(5)
                .build();
        String line = LineProtocol.encode(point, WritePrecision.MILLISECONDS, listener);
        assertThat(line)
                .doesNotContain("\n")
                .doesNotContain("\r")
                .isEqualTo("m,k=x\\ny evil\\nkey=1i,s=\"a\\\\r\\\\nb\\\\n\" 5");
        assertThat(replaced).hasSize(5);
    }

    @Test
    void hostileValuesCannotAddTagsFieldsOrLines() {
        String hostile = "x,evil=1 f=2\n m2 g=3 4\\";
        assertThat(line(InfluxPoint.measurement("m").tag("k", hostile).field("s", hostile)))
                .isEqualTo(
                        "m,k=x\\,evil\\=1\\ f\\=2\\n\\ m2\\ g\\=3\\ 4⧵ s=\"x,evil=1 f=2\\\\n m2 g=3 4\\\\\" 1700000000123");
    }

    @Test
    void numbersKeepTheirExactValueAndType() {
        String line = line(InfluxPoint.measurement("m")
                .field("a", 0.1)
                .field("b", 1e-7)
                .field("c", Double.MAX_VALUE)
                .field("d", Double.MIN_VALUE)
                .field("e", Long.MIN_VALUE)
                .field("f", -0.0)
                .field("g", 3));
        assertThat(line)
                .isEqualTo("m a=0.1,b=1.0E-7,c=1.7976931348623157E308,d=4.9E-324,e=-9223372036854775808i,"
                        + "f=-0.0,g=3i 1700000000123");
    }

    @Test
    void nonFiniteFieldsAreDroppedAndReported() {
        List<String> dropped = new ArrayList<>();
        LineProtocol.EncodingListener listener = new LineProtocol.EncodingListener() {
            @Override
            public void nonFiniteFieldDropped(String measurement, String field) {
                dropped.add(field);
            }
        };
        InfluxPoint point = InfluxPoint.measurement("m")
                .field("a", Double.NaN)
                .field("b", 2.0)
                .field("c", Double.POSITIVE_INFINITY)
                .field("d", Double.NEGATIVE_INFINITY)
                .timeMillis(1)
                .build();
        assertThat(LineProtocol.encode(point, WritePrecision.MILLISECONDS, listener))
                .isEqualTo("m b=2.0 1");
        assertThat(dropped).containsExactly("a", "c", "d");
    }

    @Test
    void aPointWithOnlyNonFiniteFieldsHasNothingToWrite() {
        InfluxPoint point = InfluxPoint.measurement("m")
                .field("a", Double.NaN)
                .timeMillis(1)
                .build();
        assertThat(point.hasWritableField()).isFalse();
        assertThatThrownBy(() -> LineProtocol.encode(point, WritePrecision.MILLISECONDS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyTagValuesAreLeftOutAndCommentLinesRefused() {
        assertThat(line(InfluxPoint.measurement("m")
                        .tag("a", "")
                        .tag("b", null)
                        .tag("c", "x")
                        .field("f", 1L)))
                .isEqualTo("m,c=x f=1i 1700000000123");
        assertThatThrownBy(() -> InfluxPoint.measurement("#m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InfluxPoint.measurement("m").field("f", 1L).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no time");
    }

    @ParameterizedTest
    @CsvSource({
        "NANOSECONDS, 1700000000123000000",
        "MICROSECONDS, 1700000000123000",
        "MILLISECONDS, 1700000000123",
        "SECONDS, 1700000000"
    })
    void timeIsWrittenInThePrecisionAsked(WritePrecision precision, String wireTime) {
        InfluxPoint point = InfluxPoint.measurement("m")
                .field("f", 1L)
                .timeMillis(1_700_000_000_123L)
                .build();
        assertThat(LineProtocol.encode(point, precision)).isEqualTo("m f=1i " + wireTime);
    }
}
