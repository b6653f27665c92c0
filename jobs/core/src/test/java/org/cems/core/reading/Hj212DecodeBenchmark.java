package org.cems.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Frames decoded per second per core, on one thread (CPU time of that thread, so the figure is
 * per core even on a busy machine): realistic HJ 212-2017 real-time uploads (CN 2011) of twelve
 * factors (about 480 bytes), through the codec alone and through the job's {@link PayloadDecoder}
 * (codec + readings), against the same readings as contract JSON through {@link PayloadDecoder}.
 * It lives in jobs/core because only here are both the codec and the JSON path on the classpath.
 */
@Tag("bench")
class Hj212DecodeBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DISTINCT_PAYLOADS = 1024;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;
    /** Twelve factors of a coal unit's stack: code, Rtd, ZsRtd (pollutants only). */
    private static final String[][] FACTORS = {
        {"a21026", "21.4", "26.8"}, {"a21002", "38.2", "47.9"}, {"a34013", "3.1", "3.9"},
        {"a21005", "12.6", "15.8"}, {"a21003", "24.0", "30.1"}, {"a05001", "12.1", null},
        {"a19001", "6.2", null}, {"a00000", "512.3", null}, {"a01011", "14.2", null},
        {"a01012", "48.6", null}, {"a01013", "-0.12", null}, {"a01014", "8.4", null},
    };

    private static volatile int sink;

    @Test
    void framesDecodedPerSecondPerCore() {
        List<byte[]> frames = new ArrayList<>();
        List<byte[]> jsons = new ArrayList<>();
        for (int i = 0; i < DISTINCT_PAYLOADS; i++) {
            frames.add(frame(i));
            jsons.add(json(i));
        }
        Hj212Decoder codec = Hj212Decoder.builder().build();
        PayloadDecoder payloads = new PayloadDecoder(ZONE, 1 << 20);
        assertThat(codec.decode(frames.get(0))).singleElement().isInstanceOf(DecodeResult.Decoded.class);
        assertThat(payloads.decode(frames.get(0)).readings()).hasSize(1);
        assertThat(payloads.decode(jsons.get(0)).readings()).hasSize(1);
        assertThat(payloads.decode(jsons.get(0)).readings().get(0).values).hasSize(FACTORS.length);

        List<String> report = new ArrayList<>();
        report.add(measure(
                "HJ 212 codec (Hj212Decoder.decode)",
                frames,
                f -> codec.decode(f).size()));
        report.add(measure(
                "HJ 212 to readings (PayloadDecoder)",
                frames,
                f -> payloads.decode(f).readings().size()));
        report.add(measure(
                "JSON to readings (PayloadDecoder)",
                jsons,
                f -> payloads.decode(f).readings().size()));
        System.out.printf(
                "Decode benchmark: 1 thread, %d factors per payload, %s, %d cores, Java %s%n",
                FACTORS.length,
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        report.forEach(System.out::println);
    }

    private static String measure(String name, List<byte[]> payloads, ToIntFunction<byte[]> decode) {
        run(payloads, decode, WARMUP_NANOS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long[] countAndBytes = run(payloads, decode, MEASURE_NANOS);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return String.format(
                Locale.ROOT,
                "  %-38s %,10.0f payloads/s per core  %6.1f MB/s  (%,d in %.2f s CPU, %d bytes each)",
                name,
                countAndBytes[0] / cpuSeconds,
                countAndBytes[1] / cpuSeconds / 1e6,
                countAndBytes[0],
                cpuSeconds,
                countAndBytes[1] / countAndBytes[0]);
    }

    private static long[] run(List<byte[]> payloads, ToIntFunction<byte[]> decode, long forNanos) {
        long end = System.nanoTime() + forNanos;
        long count = 0;
        long bytes = 0;
        int acc = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 256; i++) {
                byte[] p = payloads.get((int) (count % payloads.size()));
                acc += decode.applyAsInt(p);
                bytes += p.length;
                count++;
            }
        }
        sink = acc;
        return new long[] {count, bytes};
    }

    private static LocalDateTime time(int i) {
        return LocalDateTime.of(2026, 11, 26, 10, 0).plusSeconds(10L * i);
    }

    /** Values vary per payload, as a real stream's do. */
    private static String value(String base, int i) {
        return String.format(Locale.ROOT, "%.2f", Double.parseDouble(base) + (i % 97) * 0.01);
    }

    private static byte[] frame(int i) {
        Hj212Packet.Builder b = Hj212Packet.builder()
                .qn(String.format("20261126100000%03d", i % 1000))
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn("010000A8900016F000169DC0")
                .flag(Hj212Edition.HJ212_2017, true)
                .dataTime(time(i));
        for (String[] f : FACTORS) {
            b.item(f[0], Hj212Item.RTD, value(f[1], i));
            if (f[2] != null) {
                b.item(f[0], Hj212Item.ZS_RTD, value(f[2], i));
            }
            b.item(f[0], Hj212Item.FLAG, "N");
        }
        return Hj212Encoder.encode(b.build());
    }

    private static byte[] json(int i) {
        StringBuilder sb = new StringBuilder("{\"mn\":\"010000A8900016F000169DC0\",\"cn\":\"2011\",\"time\":\"")
                .append(time(i).atZone(ZONE).toOffsetDateTime())
                .append("\",\"values\":{");
        for (int k = 0; k < FACTORS.length; k++) {
            String[] f = FACTORS[k];
            sb.append(k == 0 ? "" : ",")
                    .append('"')
                    .append(f[0])
                    .append("\":{\"rtd\":")
                    .append(value(f[1], i));
            if (f[2] != null) {
                sb.append(",\"zsRtd\":").append(value(f[2], i));
            }
            sb.append(",\"flag\":\"N\"}");
        }
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
