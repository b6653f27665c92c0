package org.cems.core.reading;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.Hj2025Codes;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Hj212PacketKind;

/**
 * The HJ 212-2025 uploads the job keeps besides readings (docs/hj212-2025.md "New data"): ST=44
 * electricity monitoring, ST=45 key production conditions, CN 2013 raw data (VOCs, ST=27) and
 * CN 2111 furnace-temperature 5-minute means, each item a {@link StationMeasurement}. An item
 * that breaks its kind's rule is a {@code bad_value} rejection of that item alone.
 */
final class Hj2025Uploads {
    static final Set<Hj212PacketKind> KINDS = Set.of(
            Hj212PacketKind.FACILITY_POWER,
            Hj212PacketKind.PRODUCTION_CONDITION,
            Hj212PacketKind.RAW_DATA,
            Hj212PacketKind.FURNACE_TEMPERATURE);
    /** The suffixes HJ 212 defines as numbers (HJ 212-2017 Table 4, kept by 2025); every other suffix is text. */
    private static final Set<String> NUMERIC_SUFFIXES = Set.of(
            Hj212Item.RTD,
            Hj212Item.MIN,
            Hj212Item.AVG,
            Hj212Item.MAX,
            Hj212Item.ZS_RTD,
            Hj212Item.ZS_MIN,
            Hj212Item.ZS_AVG,
            Hj212Item.ZS_MAX,
            Hj212Item.COU);

    private final ZoneId zone;

    Hj2025Uploads(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds the packet's items (its kind one of {@link #KINDS}) to {@code out}, or says why not. */
    void read(Hj212Packet p, StationUploads out, List<Rejection> rejections) {
        String what = "CN " + p.cn() + " " + p.kind().name().toLowerCase(Locale.ROOT) + " upload from MN " + p.mn();
        if (p.dataTime().isEmpty()) {
            rejections.add(new Rejection(DeadLetterReason.BAD_DATATIME, what + " has no DataTime"));
            return;
        }
        if (p.items().isEmpty()) {
            rejections.add(new Rejection(DeadLetterReason.MISSING_VALUES, what + " has no values"));
            return;
        }
        long time = p.dataTime().get().atZone(zone).toInstant().toEpochMilli();
        for (Map.Entry<String, Hj212Item> e : p.items().entrySet()) {
            String problem = problem(p.kind(), e.getKey(), e.getValue());
            if (problem != null) {
                rejections.add(new Rejection(
                        DeadLetterReason.BAD_VALUE,
                        e.getKey() + " in a " + what + " at " + p.dataTime().get() + ": " + problem
                                + "; the upload's other items were kept",
                        p.mn()));
                continue;
            }
            out.measurement(measurement(p, time, e.getValue()));
        }
    }

    private static StationMeasurement measurement(Hj212Packet p, long time, Hj212Item item) {
        StationMeasurement m = new StationMeasurement(p.mn(), measurementOf(p.kind()), p.cn(), time, item.code());
        boolean marks = p.kind() == Hj212PacketKind.PRODUCTION_CONDITION;
        item.values().forEach((suffix, sent) -> {
            if (NUMERIC_SUFFIXES.contains(suffix) && !marks) {
                m.numbers.put(suffix, item.number(suffix).getAsDouble());
            } else {
                m.texts.put(suffix, sent);
            }
        });
        return m;
    }

    /** Why the item cannot be kept, or null. */
    private static String problem(Hj212PacketKind kind, String code, Hj212Item item) {
        if (kind == Hj212PacketKind.PRODUCTION_CONDITION) {
            if (!Hj2025Codes.isProductionCondition(code)) {
                return "not a production-condition code (pxxxxx)";
            }
            return item.value(Hj212Item.RTD).isEmpty() ? "no condition mark (-Rtd)" : null;
        }
        for (String suffix : item.values().keySet()) {
            if (NUMERIC_SUFFIXES.contains(suffix) && item.number(suffix).isEmpty()) {
                return "-" + suffix + "=" + ReadingJson.abbreviate(item.values().get(suffix)) + " is not a number";
            }
        }
        boolean hasValue = item.number(Hj212Item.RTD).isPresent()
                || item.number(Hj212Item.AVG).isPresent();
        return switch (kind) {
            case FACILITY_POWER ->
                !Hj2025Codes.isProductionFacilityPower(code) && !Hj2025Codes.isTreatmentFacilityPower(code)
                        ? "not an electricity code (d2xxxx production, d3xxxx treatment facility)"
                        : hasValue ? null : "neither -Rtd nor -Avg";
            case FURNACE_TEMPERATURE -> hasValue ? null : "neither -Rtd nor -Avg";
            default -> null;
        };
    }

    private static String measurementOf(Hj212PacketKind kind) {
        return switch (kind) {
            case FACILITY_POWER -> StationMeasurement.FACILITY_POWER;
            case PRODUCTION_CONDITION -> StationMeasurement.PRODUCTION_CONDITION;
            case RAW_DATA -> StationMeasurement.VOC_RAW;
            default -> StationMeasurement.FURNACE_TEMPERATURE;
        };
    }
}
