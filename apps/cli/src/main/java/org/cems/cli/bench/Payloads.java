package org.cems.cli.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Registry;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.simulator.MonitoringPoint;
import org.cems.simulator.PlantModel;

/**
 * The bench's readings: the simulator's plant model (a pure function of seed, point and event
 * time) plus three extra parameters (velocity, static pressure, CO) so a stack sends about 12;
 * even-numbered points send JSON, odd ones HJ 212-2017 frames (CN 2011).
 */
final class Payloads {
    static final long SEED = 20260101L;
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final List<MonitoringPoint> points;
    private final ZoneId zone;
    private final ReadingJson json;

    Payloads(Registry registry) {
        PlantModel model = new PlantModel(registry, SEED);
        this.points = model.points();
        this.zone = model.zone();
        this.json = new ReadingJson(zone);
    }

    int size() {
        return points.size();
    }

    String mn(int index) {
        return points.get(index).mn();
    }

    static boolean isHj212(int index) {
        return (index & 1) == 1;
    }

    Reading reading(int index, long timeMillis) {
        MonitoringPoint p = points.get(index);
        Reading r = p.readingAt(timeMillis);
        long h = mix(p.mn().hashCode() * 31L + timeMillis);
        r.values.put("a01011", value(12 + 6 * unit(h)));
        r.values.put("a01013", value(round(0.1 + 0.2 * unit(h >>> 11))));
        r.values.put("a21005", value(round(20 + 40 * unit(h >>> 22))));
        return r;
    }

    byte[] payload(int index, long timeMillis) {
        Reading r = reading(index, timeMillis);
        return isHj212(index) ? hj212(r) : json.encode(List.of(r)).getBytes(StandardCharsets.UTF_8);
    }

    byte[] hj212(Reading reading) {
        var local = Instant.ofEpochMilli(reading.timeMillis).atZone(zone).toLocalDateTime();
        Hj212Packet.Builder b = Hj212Packet.builder()
                .qn(QN.format(local))
                .st("31")
                .cn(reading.cn)
                .pw("123456")
                .mn(reading.mn)
                .flag(Hj212Edition.HJ212_2017, false)
                .dataTime(local);
        reading.values.forEach((code, v) -> {
            b.item(code, Hj212Item.RTD, number(v.rtd));
            b.item(code, Hj212Item.ZS_RTD, number(v.zsRtd));
            b.item(code, Hj212Item.FLAG, v.flag);
        });
        return Hj212Encoder.encode(b.build());
    }

    private static String number(Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static ReadingValue value(double v) {
        ReadingValue rv = new ReadingValue();
        rv.rtd = round(v);
        rv.flag = "N";
        return rv;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double unit(long h) {
        return (h & 0x7FF) / 2047.0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
