package org.cems.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;

/**
 * The contract's JSON: an object for one upload, an array for several; data readings exactly as
 * {@link org.cems.core.reading.ReadingJson} writes them. Station uploads as the job reads them
 * (docs/plant-data/station-uploads.md): 2021/2041 items under {@code facilities} with the HJ 212
 * suffix in lower case ({@code {"SB1": {"rs": 0}}}), 3020 items under {@code info} by code
 * ({@code {"i12001": 0}}) with {@code polId}, 2081 with {@code restartTime} (ISO-8601 with offset).
 * A text item is a JSON number when it is a plain decimal and a string otherwise ({@code "NaN"}, {@code ""}).
 */
final class JsonPayloadEncoder implements PayloadEncoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Map<String, String> ITEM_NAMES = Map.of(
            "ZsRtd", "zsRtd", "ZsMin", "zsMin", "ZsAvg", "zsAvg", "ZsMax", "zsMax", "EFlag", "eflag", "RS", "rs", "RT",
            "rt");

    private static final Set<String> FACILITY_CNS = Set.of("2021", "2041");
    private static final String SITE_INFO = "3020";

    private final ZoneId zone;

    JsonPayloadEncoder(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public byte[] encode(Source source, List<Upload> uploads) {
        ArrayNode array = MAPPER.createArrayNode();
        uploads.forEach(u -> write(array.addObject(), u));
        try {
            return MAPPER.writeValueAsBytes(array.size() == 1 ? array.get(0) : array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(ObjectNode o, Upload u) {
        o.put("mn", u.mn());
        o.put("cn", u.cn());
        o.put("time", time(u.timeMillis()));
        if (u.restartTimeMillis != null) {
            o.put("restartTime", time(u.restartTimeMillis));
        }
        if (u.polId != null) {
            o.put("polId", u.polId);
        }
        if (!u.isData() && u.reading.values.isEmpty() && u.textItems.isEmpty()) {
            return;
        }
        if (FACILITY_CNS.contains(u.cn())) {
            ObjectNode facilities = o.putObject("facilities");
            u.textItems.forEach((code, items) -> {
                ObjectNode item = facilities.putObject(code);
                items.forEach((suffix, text) -> putText(item, itemName(suffix), text));
            });
            return;
        }
        if (SITE_INFO.equals(u.cn())) {
            ObjectNode info = o.putObject("info");
            u.textItems.forEach((code, items) -> items.values().forEach(text -> putText(info, code, text)));
            return;
        }
        ObjectNode values = o.putObject("values");
        u.reading.values.forEach((code, v) -> writeNumbers(values.putObject(code), v));
        u.textItems.forEach((code, items) -> {
            ObjectNode item = values.has(code) ? (ObjectNode) values.get(code) : values.putObject(code);
            items.forEach((suffix, text) -> putText(item, itemName(suffix), text));
        });
    }

    private static void writeNumbers(ObjectNode item, ReadingValue v) {
        putIfSet(item, "rtd", v.rtd);
        putIfSet(item, "min", v.min);
        putIfSet(item, "avg", v.avg);
        putIfSet(item, "max", v.max);
        putIfSet(item, "zsRtd", v.zsRtd);
        putIfSet(item, "zsMin", v.zsMin);
        putIfSet(item, "zsAvg", v.zsAvg);
        putIfSet(item, "zsMax", v.zsMax);
        putIfSet(item, "cou", v.cou);
        if (v.flag != null) {
            item.put("flag", v.flag);
        }
    }

    private static void putIfSet(ObjectNode item, String name, Double value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    private static void putText(ObjectNode item, String name, String text) {
        if (WHOLE_NUMBER.matcher(text).matches()) {
            item.put(name, Long.parseLong(text));
        } else if (PLAIN_DECIMAL.matcher(text).matches()) {
            item.put(name, Double.parseDouble(text));
        } else {
            item.put(name, text);
        }
    }

    /** Rtd to rtd, ZsRtd to zsRtd, RS to rs: the HJ 212 suffix in lower camel case. */
    static String itemName(String suffix) {
        return ITEM_NAMES.getOrDefault(suffix, Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1));
    }

    private String time(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }
}
