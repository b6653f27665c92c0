package org.cems.simulator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;

/**
 * HJ 212-2017 real-time upload frames (ST=31 flue gas, CN=2011, Flag=4: 2017 edition, no answer
 * expected since MQTT and Kafka acknowledge delivery themselves), one frame per reading,
 * concatenated when a payload carries several. DataTime is local time in the registry's zone.
 */
final class Hj212PayloadEncoder implements PayloadEncoder {
    static final String SYSTEM_FLUE_GAS = "31";
    /** The password a gateway uses when the registry sets none: the common factory default. */
    static final String DEFAULT_PASSWORD = "123456";
    private static final DateTimeFormatter QN_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final ZoneId zone;

    Hj212PayloadEncoder(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public byte[] encode(Source source, List<Reading> readings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Reading r : readings) {
            out.writeBytes(Hj212Encoder.encode(packet(source, r)));
        }
        return out.toByteArray();
    }

    private Hj212Packet packet(Source source, Reading reading) {
        var localTime = Instant.ofEpochMilli(reading.timeMillis).atZone(zone).toLocalDateTime();
        Hj212Packet.Builder b = Hj212Packet.builder()
                .qn(QN_FORMAT.format(localTime))
                .st(SYSTEM_FLUE_GAS)
                .cn(reading.cn)
                .pw(source.password == null ? DEFAULT_PASSWORD : source.password)
                .mn(reading.mn)
                .flag(Hj212Edition.HJ212_2017, false)
                .dataTime(localTime);
        reading.values.forEach((code, v) -> addItem(b, code, v));
        return b.build();
    }

    private static void addItem(Hj212Packet.Builder b, String code, ReadingValue v) {
        b.item(code, Hj212Item.RTD, number(v.rtd));
        b.item(code, Hj212Item.ZS_RTD, number(v.zsRtd));
        b.item(code, Hj212Item.FLAG, v.flag);
    }

    /** Plain decimal text without exponent or trailing zeros; null stays absent. */
    private static String number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
