package org.cems.core.reading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cems.core.deadletter.DeadLetterReason;

/**
 * The JSON reading format of the contract (section 1): one object or an array of them. Each
 * object is judged on its own, so one bad reading in an array does not lose the others. Objects
 * with cn 2021/2041/2081/3020 are station uploads ({@link StationUploads}): {@code facilities}
 * ({@code {"SB1": {"rs": 1}}} or {@code {"rt": 23.5}}), {@code restartTime}, or {@code polId} and
 * {@code info} ({@code {"i12001": 0}}).
 */
public final class ReadingJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> DATA_CNS =
            Set.of(Reading.CN_REALTIME, Reading.CN_MINUTE, Reading.CN_HOUR, Reading.CN_DAY);

    private final ZoneId zone;

    public ReadingJson(ZoneId zone) {
        this.zone = zone;
    }

    public DecodedPayload decode(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return rejected(DeadLetterReason.BAD_JSON, e.getOriginalMessage());
        }
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        StationUploads station = new StationUploads();
        if (root instanceof ArrayNode array) {
            array.forEach(node -> decodeOne(node, readings, station, rejections));
        } else {
            decodeOne(root, readings, station, rejections);
        }
        return new DecodedPayload(readings, rejections, List.of(), station);
    }

    private void decodeOne(JsonNode node, List<Reading> readings, StationUploads station, List<Rejection> rejections) {
        try {
            if (!(node instanceof ObjectNode)) {
                throw new BadReading(DeadLetterReason.BAD_JSON, "a reading must be a JSON object");
            }
            JsonNode mn = node.get("mn");
            if (mn == null || !mn.isTextual() || mn.asText().isBlank()) {
                throw new BadReading(DeadLetterReason.MISSING_MN, "field \"mn\" must be a non-empty string");
            }
            JsonNode cnNode = node.get("cn");
            String cn = cnNode == null || cnNode.isNull() ? Reading.CN_REALTIME : cnNode.asText();
            if (StationUploads.CNS.contains(cn)) {
                toStationUpload(node, mn.asText(), cn, station, rejections);
            } else if (DATA_CNS.contains(cn)) {
                readings.add(toReading(node, mn.asText(), cn, rejections));
            } else {
                throw new BadReading(
                        DeadLetterReason.UNSUPPORTED_CN,
                        "cn " + abbreviate(cn)
                                + " is not a data upload (2011, 2051, 2061, 2031) nor a station upload (2021, 2041, 2081, 3020)");
            }
        } catch (BadReading e) {
            rejections.add(e.rejection);
        }
    }

    private void toStationUpload(JsonNode node, String mn, String cn, StationUploads out, List<Rejection> rejections)
            throws BadReading {
        if (StationUploads.CN_RESTART.equals(cn)) {
            JsonNode restart = node.get("restartTime");
            if (restart == null || restart.isNull()) {
                throw new BadReading(DeadLetterReason.MISSING_VALUES, "cn 2081 needs field \"restartTime\"");
            }
            try {
                out.restart(mn, parseTime(restart));
            } catch (BadReading e) {
                throw new BadReading(DeadLetterReason.BAD_VALUE, "restartTime: " + e.getMessage());
            }
            return;
        }
        long time = parseTime(node.get("time"));
        String field = StationUploads.CN_SITE_INFO.equals(cn) ? "info" : "facilities";
        JsonNode items = node.get(field);
        if (!(items instanceof ObjectNode) || items.isEmpty()) {
            throw new BadReading(
                    DeadLetterReason.MISSING_VALUES, "cn " + cn + " needs a non-empty object \"" + field + "\"");
        }
        JsonNode polId = node.get("polId");
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (cn) {
                case StationUploads.CN_FACILITY_STATUS ->
                    out.status(mn, time, e.getKey(), numberOrNull(v.get("rs")), text(v.get("rs")), rejections);
                case StationUploads.CN_FACILITY_RUN_TIME ->
                    out.runTime(mn, time, e.getKey(), numberOrNull(v.get("rt")), text(v.get("rt")), rejections);
                default -> {
                    if (v.isNumber() || (v.isTextual() && !v.asText().isEmpty())) {
                        out.siteInfo(
                                mn,
                                time,
                                polId != null && polId.isTextual() ? polId.asText() : null,
                                e.getKey(),
                                numberOrNull(v),
                                v.asText());
                    } else {
                        rejections.add(StationUploads.bad(
                                "info." + e.getKey() + " from MN " + mn + " must be a number or text"));
                    }
                }
            }
        }
    }

    private static Double numberOrNull(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
    }

    private static String text(JsonNode n) {
        return n == null ? "(none)" : abbreviate(n.toString());
    }

    /** One bad item is rejected on its own (added to {@code badItems}); the reading keeps the others. */
    private Reading toReading(JsonNode node, String mn, String cn, List<Rejection> badItems) throws BadReading {
        long time = parseTime(node.get("time"));
        JsonNode values = node.get("values");
        if (!(values instanceof ObjectNode) || values.isEmpty()) {
            throw new BadReading(DeadLetterReason.MISSING_VALUES, "field \"values\" must be a non-empty object");
        }
        Map<String, ReadingValue> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                parsed.put(e.getKey(), toValue(e.getKey(), e.getValue()));
            } catch (BadReading bad) {
                badItems.add(new Rejection(
                        bad.rejection.reason(),
                        bad.rejection.detail() + " in a reading from MN " + mn
                                + "; the reading's other values were used",
                        mn));
            }
        }
        if (parsed.isEmpty()) {
            throw new BadReading(DeadLetterReason.MISSING_VALUES, "no value of the reading could be read");
        }
        return new Reading(mn, cn, time, parsed);
    }

    private long parseTime(JsonNode time) throws BadReading {
        if (time == null || time.isNull()) {
            throw new BadReading(DeadLetterReason.BAD_TIME, "field \"time\" is missing");
        }
        if (time.isIntegralNumber()) {
            return time.asLong();
        }
        if (!time.isTextual()) {
            throw new BadReading(
                    DeadLetterReason.BAD_TIME, "field \"time\" must be ISO-8601 text or epoch milliseconds");
        }
        String text = time.asText();
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException withoutOffset) {
            try {
                // a local time, as HJ 212 DataTime is: the configured zone applies (contract section 1)
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new BadReading(DeadLetterReason.BAD_TIME, "cannot read time " + abbreviate(text));
            }
        }
    }

    private static ReadingValue toValue(String code, JsonNode node) throws BadReading {
        if (!(node instanceof ObjectNode)) {
            throw new BadReading(DeadLetterReason.BAD_VALUE, code + " must be an object of HJ 212 items");
        }
        ReadingValue v = new ReadingValue();
        v.rtd = number(code, node, "rtd");
        v.min = number(code, node, "min");
        v.avg = number(code, node, "avg");
        v.max = number(code, node, "max");
        v.zsRtd = number(code, node, "zsRtd");
        v.zsMin = number(code, node, "zsMin");
        v.zsAvg = number(code, node, "zsAvg");
        v.zsMax = number(code, node, "zsMax");
        v.cou = number(code, node, "cou");
        v.flag = text(code, node, "flag");
        v.eflag = text(code, node, "eflag");
        if (v.flag != null) {
            v.flag = v.flag.toUpperCase(java.util.Locale.ROOT);
        }
        if (v.primary() == null && v.cou == null) {
            throw new BadReading(DeadLetterReason.BAD_VALUE, code + " has neither rtd, avg nor cou");
        }
        return v;
    }

    private static Double number(String code, JsonNode node, String item) throws BadReading {
        JsonNode n = node.get(item);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new BadReading(DeadLetterReason.BAD_VALUE, code + "." + item + " must be a number");
        }
        double d = n.asDouble();
        if (!Double.isFinite(d)) {
            throw new BadReading(DeadLetterReason.BAD_VALUE, code + "." + item + " is not finite");
        }
        return d;
    }

    private static String text(String code, JsonNode node, String item) throws BadReading {
        JsonNode n = node.get(item);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > 4) {
            throw new BadReading(
                    DeadLetterReason.BAD_VALUE, code + "." + item + " must be a flag of up to 4 characters");
        }
        return n.asText();
    }

    /** Writes readings as the contract's JSON (an object for one, an array for several). */
    public String encode(List<Reading> readings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Reading r : readings) {
            ObjectNode o = array.addObject();
            o.put("mn", r.mn);
            o.put("cn", r.cn);
            o.put(
                    "time",
                    Instant.ofEpochMilli(r.timeMillis)
                            .atZone(zone)
                            .toOffsetDateTime()
                            .toString());
            ObjectNode values = o.putObject("values");
            r.values.forEach((code, v) -> {
                ObjectNode item = values.putObject(code);
                putIfSet(item, "rtd", v.rtd);
                putIfSet(item, "min", v.min);
                putIfSet(item, "avg", v.avg);
                putIfSet(item, "max", v.max);
                putIfSet(item, "zsRtd", v.zsRtd);
                putIfSet(item, "zsAvg", v.zsAvg);
                putIfSet(item, "cou", v.cou);
                if (v.flag != null) {
                    item.put("flag", v.flag);
                }
            });
        }
        try {
            return MAPPER.writeValueAsString(array.size() == 1 ? array.get(0) : array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfSet(ObjectNode item, String name, Double value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    private static DecodedPayload rejected(DeadLetterReason reason, String detail) {
        return new DecodedPayload(List.of(), List.of(new Rejection(reason, detail)));
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? "\"" + s + "\"" : "\"" + s.substring(0, 40) + "...\"";
    }

    private static final class BadReading extends Exception {
        final Rejection rejection;

        BadReading(DeadLetterReason reason, String detail) {
            super(detail, null, false, false);
            this.rejection = new Rejection(reason, detail);
        }
    }
}
