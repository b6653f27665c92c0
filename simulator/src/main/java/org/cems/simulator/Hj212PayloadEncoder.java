package org.cems.simulator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Sm4DataArea;

/**
 * HJ 212 upload frames of the configured edition (ST=31 flue gas; Flag=4 for 2017, Flag=8 for
 * 2025; no answer expected since MQTT and Kafka acknowledge delivery themselves). A 2025 frame of
 * an MN with a key in {@code --sm4-keys} and a CN the text encrypts (2000-2999, 1014, 3020) has
 * its data area SM4-encrypted, as hex. One frame per upload, concatenated when a payload
 * carries several: data (CN 2011 with Rtd/ZsRtd/Flag; 2051/2061/2031 with Min/Avg/Max, their Zs
 * forms and Cou) and station uploads (2021 {@code SBn-RS}, 2041 {@code SBn-RT}, 2081 RestartTime,
 * 3020 PolId and {@code i12001-Info}). Text items are written as they are, an empty one as
 * {@code a21026-Rtd=}. DataTime and RestartTime are local time in the registry's zone.
 */
final class Hj212PayloadEncoder implements PayloadEncoder {
    static final String SYSTEM_FLUE_GAS = "31";
    /** The password a gateway uses when the registry sets none: the common factory default. */
    static final String DEFAULT_PASSWORD = "123456";

    private static final DateTimeFormatter QN_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter TIME_FIELD_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ZoneId zone;
    private final Hj212Edition edition;
    private final Map<String, byte[]> sm4Keys;
    private final Sm4DataArea sm4 = Sm4DataArea.hex();
    /** By source id: a password_env or password_file is read once, not for every frame. */
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    Hj212PayloadEncoder(ZoneId zone) {
        this(zone, Hj212Edition.HJ212_2017, Map.of());
    }

    /** @param sm4Keys MN to SM4 key; used for 2025 frames only */
    Hj212PayloadEncoder(ZoneId zone, Hj212Edition edition, Map<String, byte[]> sm4Keys) {
        this.zone = zone;
        this.edition = edition;
        this.sm4Keys = Map.copyOf(sm4Keys);
    }

    @Override
    public byte[] encode(Source source, List<Upload> uploads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Upload u : uploads) {
            Hj212Packet packet = packet(source, u);
            byte[] key = edition == Hj212Edition.HJ212_2025 && Sm4DataArea.appliesTo(packet.cn())
                    ? sm4Keys.get(packet.mn())
                    : null;
            out.writeBytes(key == null ? Hj212Encoder.encode(packet) : Hj212Encoder.encode(packet, sm4, key));
        }
        return out.toByteArray();
    }

    private Hj212Packet packet(Source source, Upload upload) {
        LocalDateTime localTime = local(upload.timeMillis());
        Hj212Packet.Builder b = Hj212Packet.builder()
                .qn(QN_FORMAT.format(localTime))
                .st(upload.st == null ? SYSTEM_FLUE_GAS : upload.st)
                .cn(upload.cn())
                .pw(passwords.computeIfAbsent(
                        source.id, id -> source.hj212Password().orElse(DEFAULT_PASSWORD)))
                .mn(upload.mn())
                .flag(edition, false)
                .dataTime(localTime);
        if (upload.restartTimeMillis != null) {
            b.cpField("RestartTime", TIME_FIELD_FORMAT.format(local(upload.restartTimeMillis)));
        }
        if (upload.polId != null) {
            b.cpField("PolId", upload.polId);
        }
        upload.reading.values.forEach((code, v) -> addItem(b, code, v));
        // through Hj212Item, which keeps an empty text as sent: the builder's item(code, suffix, "") drops it
        upload.textItems.forEach((code, items) -> b.item(new Hj212Item(code, items)));
        return b.build();
    }

    private static void addItem(Hj212Packet.Builder b, String code, ReadingValue v) {
        b.item(code, Hj212Item.RTD, number(v.rtd));
        b.item(code, Hj212Item.MIN, number(v.min));
        b.item(code, Hj212Item.AVG, number(v.avg));
        b.item(code, Hj212Item.MAX, number(v.max));
        b.item(code, Hj212Item.ZS_RTD, number(v.zsRtd));
        b.item(code, Hj212Item.ZS_MIN, number(v.zsMin));
        b.item(code, Hj212Item.ZS_AVG, number(v.zsAvg));
        b.item(code, Hj212Item.ZS_MAX, number(v.zsMax));
        b.item(code, Hj212Item.COU, number(v.cou));
        b.item(code, Hj212Item.FLAG, v.flag);
    }

    /** Plain decimal text without exponent or trailing zeros; null stays absent. */
    private static String number(Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private LocalDateTime local(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDateTime();
    }
}
