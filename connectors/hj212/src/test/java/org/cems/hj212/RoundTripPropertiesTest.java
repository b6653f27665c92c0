package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/** decode(encode(p)) == p for packets of every edition. */
class RoundTripPropertiesTest {

    @Property
    void encodeThenDecodeGivesTheSamePacket(@ForAll("packets") Hj212Packet packet) {
        byte[] frame = Hj212Encoder.encode(packet);
        List<DecodeResult> results = Frames.STRICT.decode(frame);
        assertThat(results).singleElement().isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> {
            assertThat(d.packet()).isEqualTo(packet);
            assertThat(d.matched()).isEqualTo(CrcVariant.STANDARD);
        });
    }

    @Property
    void answersRoundTripToo(@ForAll("packets") Hj212Packet packet) {
        Hj212Packet ack = Hj212Replies.dataAck(packet);
        assertThat(Frames.decodeOne(new String(Hj212Encoder.encode(ack), java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(ack);
    }

    @Provide
    Arbitrary<Hj212Packet> packets() {
        StringArbitrary token = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('_', '-')
                .ofMinLength(1)
                .ofMaxLength(24);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(17);
        Arbitrary<Integer> flags = Arbitraries.integers().between(-1, 11);
        Arbitrary<LocalDateTime> times = Arbitraries.integers()
                .between(0, 20_000_000)
                .flatMap(minutes -> Arbitraries.of(0, 0, 123, 999)
                        .map(ms -> LocalDateTime.of(2000, 1, 1, 0, 0)
                                .plusMinutes(minutes)
                                .plusNanos(ms * 1_000_000L)));
        Arbitrary<String> cns =
                Arbitraries.of("2011", "2051", "2061", "2031", "2021", "2041", "1062", "2081", "3020", "9011", "2082");
        Arbitrary<Integer> pnums = Arbitraries.integers().between(0, 5);

        return Builders.withBuilder(Hj212Packet::builder)
                .use(cns)
                .in((b, cn) -> b.cn(cn))
                .use(token)
                .in((b, mn) -> b.mn(mn))
                .use(digits.optional())
                .in((b, qn) -> b.qn(qn.orElse(null)))
                .use(Arbitraries.of("31", "32", "22", "91").optional())
                .in((b, st) -> b.st(st.orElse(null)))
                .use(token.ofMaxLength(6).optional())
                .in((b, pw) -> b.pw(pw.orElse(null)))
                .use(flags)
                .in((b, f) -> f < 0 ? b.noFlag() : b.flag(f))
                .use(pnums.flatMap(n -> n < 2
                        ? Arbitraries.just(new int[] {0, 0})
                        : Arbitraries.integers().between(1, n).map(no -> new int[] {n, no})))
                .in((b, split) -> b.split(split[0], split[1]))
                .use(times)
                .in(Hj212Packet.Builder::dataTime) // always present: uploads with items need it
                .use(cpFields())
                .in((b, fields) -> {
                    fields.forEach(b::cpField);
                    return b;
                })
                .use(items())
                .in((b, items) -> {
                    items.forEach(b::item);
                    return b;
                })
                .build(Hj212Packet.Builder::build);
    }

    private static Arbitrary<Map<String, String>> cpFields() {
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange('0', '9')
                .withChars('.', '-', 'w')
                .ofMinLength(1)
                .ofMaxLength(14);
        return Arbitraries.maps(
                        Arbitraries.of(
                                "PolId", "QnRtn", "ExeRtn", "RestartTime", "BeginTime", "RtdInterval", "Vendor_X"),
                        values)
                .ofMaxSize(3);
    }

    private static Arbitrary<List<Hj212Item>> items() {
        // No codes that look like 2005 codes ("02"): a 2005 packet could not tell them apart.
        Arbitrary<String> codes = Arbitraries.of(
                "a21026", "a21002", "a34013", "a19001", "a00000", "a01013", "a21003", "w01018", "SB1", "i11001", "16",
                "a19001w", "100000");
        Arbitrary<String> numbers =
                Arbitraries.doubles().between(-1000, 100000).ofScale(3).map(d -> d.toString());
        Arbitrary<Map.Entry<String, String>> entries = Arbitraries.oneOf(
                Arbitraries.of("Rtd", "Min", "Avg", "Max", "ZsRtd", "ZsAvg", "Cou", "RS", "RT", "ValidNum")
                        .flatMap(s -> numbers.map(v -> Map.entry(s, v))),
                Arbitraries.of("N", "F", "M", "S", "D", "C", "T", "B", "P").map(f -> Map.entry("Flag", f)),
                Arbitraries.of("A01", "x").map(f -> Map.entry("EFlag", f)),
                Arbitraries.of("20200101000000").map(t -> Map.entry("SampleTime", t)),
                Arbitraries.of("//清洗管路//", "//a;b,c=d 1//").map(t -> Map.entry("Info", t)));
        Arbitrary<Hj212Item> item =
                codes.flatMap(code -> entries.list().ofMinSize(1).ofMaxSize(4).map(list -> {
                    Map<String, String> values = new java.util.LinkedHashMap<>();
                    list.forEach(e -> values.put(e.getKey(), e.getValue()));
                    return new Hj212Item(code, values);
                }));
        return item.list().ofMaxSize(6).uniqueElements(Hj212Item::code);
    }
}
