package org.cems.cli.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.registry.RegistryLoader;

/** Phase "decode ceiling": the job's decoder alone on one thread, JSON and HJ 212 payloads of 200 sources. */
final class DecodeCeiling {
    /** Records/s per core and mean payload size of each format. */
    record Result(double jsonRate, double hj212Rate, double jsonBytes, double hj212Bytes) {}

    private DecodeCeiling() {}

    static Result run(Rig rig) {
        Path file = SyntheticRegistry.write(rig.out.resolve("registry-decode.yaml"), 200);
        Payloads payloads = new Payloads(RegistryLoader.load(file));
        long t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        List<byte[]> json = new ArrayList<>();
        List<byte[]> hj = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < payloads.size(); i++) {
                (Payloads.isHj212(i) ? hj : json).add(payloads.payload(i, t0 + k * 1000L));
            }
        }
        return new Result(rate(rig, "JSON", json), rate(rig, "HJ 212", hj), avg(json), avg(hj));
    }

    private static double avg(List<byte[]> list) {
        return list.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private static double rate(Rig rig, String name, List<byte[]> samples) {
        PayloadDecoder decoder = new PayloadDecoder(ZoneId.of("Asia/Shanghai"), 1 << 20);
        long sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += decoder.decode(samples.get(i++ % samples.size())).readings().size();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + 4_000_000_000L;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                sink += decoder.decode(samples.get(i++ % samples.size()))
                        .readings()
                        .size();
            }
            n += 1000;
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        // the parity of the readings decoded keeps the JIT from dropping the work
        rig.say(String.format("decoding alone, %s: %,.0f records/s on one thread (%d)", name, rate, sink & 1));
        return rate;
    }
}
