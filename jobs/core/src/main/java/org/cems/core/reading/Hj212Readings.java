package org.cems.core.reading;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Hj212PacketKind;
import org.cems.hj212.Sm4Keys;
import org.cems.hj212.SplitPacketAssembler;

/**
 * HJ 212 payloads (one or more frames) to readings. Data uploads (CN 2011/2051/2061/2031) become
 * readings, with DataTime read in the configured zone; facility status, run time, restarts and
 * site information (2021/2041/2081/3020) and the HJ 212-2025 electricity, production-condition,
 * raw-data and furnace-temperature uploads become {@link StationUploads}; replies and commands are
 * recognised and rejected as {@code not_a_reading}, so they are counted, never taken for data.
 * Parts of split uploads come back as {@link SplitPart}s, to be joined by {@link #assemble}.
 */
final class Hj212Readings {
    private static final String[] NUMERIC_SUFFIXES = {
        Hj212Item.RTD,
        Hj212Item.MIN,
        Hj212Item.AVG,
        Hj212Item.MAX,
        Hj212Item.ZS_RTD,
        Hj212Item.ZS_MIN,
        Hj212Item.ZS_AVG,
        Hj212Item.ZS_MAX,
        Hj212Item.COU
    };
    /** Facility items (SBxxx-RS/RT) describe equipment, not flue gas: statuses, not reading values. */
    private static final String FACILITY_PREFIX = "SB";

    /** A split upload's parts may arrive minutes apart: the caller decides when to give up. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(365);

    private static final int MAX_PARTS = 64;

    private final ZoneId zone;
    private final Hj212Decoder decoder;
    private final Hj212StationUploads stationUploads;
    private final Hj2025Uploads hj2025Uploads;

    /** {@code sm4Keys}: SM4-encrypted 2025 data areas are decrypted with these, else {@code no_key}. */
    Hj212Readings(ZoneId zone, Sm4Keys sm4Keys) {
        this.zone = zone;
        this.decoder = Hj212Decoder.builder().sm4Keys(sm4Keys).build();
        this.stationUploads = new Hj212StationUploads(zone);
        this.hj2025Uploads = new Hj2025Uploads(zone);
    }

    DecodedPayload decode(byte[] payload) {
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<SplitPart> parts = new ArrayList<>();
        StationUploads station = new StationUploads();
        for (DecodeResult result : decoder.decode(payload)) {
            if (result instanceof DecodeResult.Rejected r) {
                rejections.add(new Rejection(DeadLetterReason.of(r.reason()), r.detail()));
            } else if (result instanceof DecodeResult.Decoded d) {
                Hj212Packet packet = d.packet();
                if (packet.isSplit() && packet.pnum() > 1) {
                    parts.add(new SplitPart(
                            packet.mn(),
                            packet.cn() + "|"
                                    + packet.dataTime().map(Object::toString).orElse(""),
                            packet.pno(),
                            packet.pnum(),
                            Hj212Encoder.encode(packet)));
                } else {
                    accept(packet, readings, station, rejections);
                }
            }
        }
        return new DecodedPayload(readings, rejections, parts, station);
    }

    /** Joins all parts of one split upload (same MN, CN and DataTime) into its readings. */
    DecodedPayload assemble(List<SplitPart> group) {
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        StationUploads station = new StationUploads();
        SplitPacketAssembler assembler = new SplitPacketAssembler(1, NO_TIMEOUT, MAX_PARTS);
        for (SplitPart part : group) {
            for (DecodeResult result : decoder.decode(part.frame)) {
                if (result instanceof DecodeResult.Decoded d) {
                    for (SplitPacketAssembler.Outcome outcome : assembler.offer(d.packet(), 0L)) {
                        if (outcome instanceof SplitPacketAssembler.Complete c) {
                            accept(c.packet(), readings, station, rejections);
                        }
                    }
                }
            }
        }
        if (readings.isEmpty() && rejections.isEmpty() && station.isEmpty()) {
            rejections.add(
                    new Rejection(DeadLetterReason.INCOMPLETE_SPLIT, "the parts of a split upload do not join up"));
        }
        return new DecodedPayload(readings, rejections, List.of(), station);
    }

    private void accept(
            Hj212Packet packet, List<Reading> readings, StationUploads station, List<Rejection> rejections) {
        if (StationUploads.CNS.contains(packet.cn()) || packet.kind() == Hj212PacketKind.HEARTBEAT) {
            stationUploads.read(packet, station, rejections);
            return;
        }
        if (Hj2025Uploads.KINDS.contains(packet.kind())) {
            hj2025Uploads.read(packet, station, rejections);
            return;
        }
        if (packet.kind() != Hj212PacketKind.DATA_UPLOAD) {
            rejections.add(new Rejection(
                    DeadLetterReason.NOT_A_READING,
                    "CN " + packet.cn() + " (" + packet.kind().name().toLowerCase(Locale.ROOT) + ") from MN "
                            + packet.mn() + " carries no readings"));
            return;
        }
        if (packet.dataTime().isEmpty()) {
            rejections.add(new Rejection(
                    DeadLetterReason.BAD_DATATIME, "data upload from MN " + packet.mn() + " has no DataTime"));
            return;
        }
        Reading reading = new Reading();
        reading.mn = packet.mn();
        reading.cn = packet.cn();
        reading.timeMillis = packet.dataTime().get().atZone(zone).toInstant().toEpochMilli();
        int statusesBefore = station.size();
        for (Map.Entry<String, Hj212Item> e : packet.items().entrySet()) {
            if (e.getKey().startsWith(FACILITY_PREFIX)) {
                // some loggers send SBxxx-RS with their data instead of in a CN 2021 upload
                e.getValue()
                        .value(Hj212Item.RUN_STATUS)
                        .ifPresent(sent -> station.status(
                                packet.mn(),
                                reading.timeMillis,
                                e.getKey(),
                                number(e.getValue(), Hj212Item.RUN_STATUS),
                                sent,
                                rejections));
                continue;
            }
            Hj212Item item = e.getValue();
            String bad = firstNonNumeric(item);
            if (bad != null) {
                // one bad value is one bad value: the item goes, the reading's other items stay
                rejections.add(new Rejection(
                        DeadLetterReason.BAD_VALUE,
                        e.getKey() + "-" + bad + " is not a number in a reading from MN " + packet.mn() + " at "
                                + packet.dataTime().get() + "; the reading's other values were used",
                        packet.mn()));
                continue;
            }
            ReadingValue v = toValue(item);
            if (v.primary() == null && v.cou == null) {
                rejections.add(new Rejection(
                        DeadLetterReason.BAD_VALUE,
                        e.getKey() + " has neither Rtd, Avg nor Cou (an empty value?) in a reading from MN "
                                + packet.mn() + " at " + packet.dataTime().get()
                                + "; the reading's other values were used",
                        packet.mn()));
                continue;
            }
            reading.values.put(e.getKey(), v);
        }
        if (!reading.values.isEmpty()) {
            readings.add(reading);
        } else if (station.size() == statusesBefore) {
            rejections.add(new Rejection(
                    DeadLetterReason.MISSING_VALUES, "data upload from MN " + packet.mn() + " has no values"));
        }
    }

    private static String firstNonNumeric(Hj212Item item) {
        for (String suffix : NUMERIC_SUFFIXES) {
            if (item.value(suffix).isPresent() && item.number(suffix).isEmpty()) {
                return suffix;
            }
        }
        return null;
    }

    private static ReadingValue toValue(Hj212Item item) {
        ReadingValue v = new ReadingValue();
        v.rtd = number(item, Hj212Item.RTD);
        v.min = number(item, Hj212Item.MIN);
        v.avg = number(item, Hj212Item.AVG);
        v.max = number(item, Hj212Item.MAX);
        v.zsRtd = number(item, Hj212Item.ZS_RTD);
        v.zsMin = number(item, Hj212Item.ZS_MIN);
        v.zsAvg = number(item, Hj212Item.ZS_AVG);
        v.zsMax = number(item, Hj212Item.ZS_MAX);
        v.cou = number(item, Hj212Item.COU);
        v.flag = item.value(Hj212Item.FLAG).map(f -> f.toUpperCase(Locale.ROOT)).orElse(null);
        v.eflag = item.value(Hj212Item.EFLAG).orElse(null);
        return v;
    }

    private static Double number(Hj212Item item, String suffix) {
        OptionalDouble d = item.number(suffix);
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
