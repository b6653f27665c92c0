package org.cems.core.reading;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;

/**
 * The HJ 212 station uploads that are not readings (HJ 212-2017 Table 9 and Table 4): CN 2021
 * {@code SBxxx-RS}, 2041 {@code SBxxx-RT}, 2081 {@code RestartTime} and 3020 {@code xxxxxx-Info}
 * (with {@code PolId}), and HJ 212-2025 9015 heartbeats. Times are local, read in the configured zone as DataTime is.
 */
final class Hj212StationUploads {
    private static final String INFO = "Info";
    private static final String RESTART_TIME = "RestartTime";
    private static final String POL_ID = "PolId";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    Hj212StationUploads(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds what the packet (one of {@link StationUploads#CNS}) holds to {@code out}, or says why not. */
    void read(Hj212Packet p, StationUploads out, List<Rejection> rejections) {
        int before = rejections.size();
        int had = out.size();
        if (StationUploads.CN_RESTART.equals(p.cn())) {
            restart(p, out, rejections);
        } else if (StationUploads.CN_HEARTBEAT.equals(p.cn())) {
            heartbeat(p, out, rejections);
        } else if (p.dataTime().isEmpty()) {
            rejections.add(new Rejection(
                    DeadLetterReason.BAD_DATATIME, "CN " + p.cn() + " upload from MN " + p.mn() + " has no DataTime"));
            return;
        } else {
            long time = p.dataTime().get().atZone(zone).toInstant().toEpochMilli();
            for (Map.Entry<String, Hj212Item> e : p.items().entrySet()) {
                item(p, time, e.getKey(), e.getValue(), out, rejections);
            }
        }
        if (out.size() == had && rejections.size() == before) {
            rejections.add(new Rejection(
                    DeadLetterReason.MISSING_VALUES, "CN " + p.cn() + " upload from MN " + p.mn() + " has no values"));
        }
    }

    private void item(
            Hj212Packet p, long time, String code, Hj212Item item, StationUploads out, List<Rejection> rejections) {
        switch (p.cn()) {
            case StationUploads.CN_FACILITY_STATUS -> {
                String sent = required(p, code, item, Hj212Item.RUN_STATUS, rejections);
                if (sent != null) {
                    out.status(p.mn(), time, code, number(item, Hj212Item.RUN_STATUS), sent, rejections);
                }
            }
            case StationUploads.CN_FACILITY_RUN_TIME -> {
                String sent = required(p, code, item, Hj212Item.RUN_TIME, rejections);
                if (sent != null) {
                    out.runTime(p.mn(), time, code, number(item, Hj212Item.RUN_TIME), sent, rejections);
                }
            }
            default -> {
                String sent = required(p, code, item, INFO, rejections);
                if (sent != null) {
                    out.siteInfo(p.mn(), time, p.cpFields().get(POL_ID), code, number(item, INFO), sent);
                }
            }
        }
    }

    /** The item's value for the suffix the CN carries; a bad_value rejection when it has none. */
    private static String required(
            Hj212Packet p, String code, Hj212Item item, String suffix, List<Rejection> rejections) {
        String sent = item.value(suffix).orElse(null);
        if (sent == null) {
            rejections.add(StationUploads.bad(
                    code + " in a CN " + p.cn() + " upload from MN " + p.mn() + " has no -" + suffix + " value"));
        }
        return sent;
    }

    private void restart(Hj212Packet p, StationUploads out, List<Rejection> rejections) {
        String sent = p.cpFields().get(RESTART_TIME);
        if (sent == null) {
            rejections.add(new Rejection(
                    DeadLetterReason.MISSING_VALUES, "CN 2081 upload from MN " + p.mn() + " has no RestartTime"));
            return;
        }
        try {
            // DataTime's form (N14, HJ 212-2017 Table 4); a 17-digit time with milliseconds is seen in the wild
            String seconds = sent.length() == 17 ? sent.substring(0, 14) : sent;
            out.restart(
                    p.mn(),
                    LocalDateTime.parse(seconds, TIME).atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            rejections.add(StationUploads.bad("RestartTime=" + ReadingJson.abbreviate(sent) + " from MN " + p.mn()
                    + " is not a time (YYYYMMDDhhmmss)"));
        }
    }

    /** A heartbeat carries nothing but its header: its time is the QN, when the logger sent it (HJ 212-2017 §6.3.2). */
    private void heartbeat(Hj212Packet p, StationUploads out, List<Rejection> rejections) {
        String qn = p.qn().filter(q -> q.length() == 17 && q.chars().allMatch(Character::isDigit))
                .orElse(null);
        try {
            if (qn != null) {
                out.heartbeat(
                        p.mn(),
                        LocalDateTime.parse(qn.substring(0, 14), TIME)
                                        .atZone(zone)
                                        .toInstant()
                                        .toEpochMilli()
                                + Integer.parseInt(qn.substring(14)));
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        rejections.add(new Rejection(
                DeadLetterReason.BAD_DATATIME,
                "CN 9015 heartbeat from MN " + p.mn() + " has no QN (yyyyMMddHHmmssSSS) to date it"));
    }

    private static Double number(Hj212Item item, String suffix) {
        OptionalDouble d = item.number(suffix);
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
