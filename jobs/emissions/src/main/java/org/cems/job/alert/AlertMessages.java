package org.cems.job.alert;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.hj212.ParameterCatalogue;

/**
 * Messages a duty officer understands at a glance: what, where (enterprise name, point, device),
 * the value against its threshold, and since when, in Chinese (default) or English.
 */
public final class AlertMessages implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String[]> DEVICE_TYPES = Map.of(
            "fgd", new String[] {"脱硫设施", "FGD"},
            "scr", new String[] {"SCR脱硝设施", "SCR"},
            "sncr", new String[] {"SNCR脱硝设施", "SNCR"},
            "esp", new String[] {"电除尘器", "ESP"},
            "bag", new String[] {"袋式除尘器", "bag filter"},
            "wesp", new String[] {"湿式电除尘器", "wet ESP"},
            "vocs", new String[] {"VOCs治理设施", "VOCs unit"});
    private static final Map<AlertType, String[]> FLAGS = Map.of(
            AlertType.INSTRUMENT_FAULT, new String[] {"故障", "fault", "D"},
            AlertType.INSTRUMENT_CALIBRATION, new String[] {"校准", "calibration", "C"},
            AlertType.INSTRUMENT_MAINTENANCE, new String[] {"维护", "maintenance", "M"},
            AlertType.INSTRUMENT_OVER_RANGE, new String[] {"超量程", "over range", "T"},
            AlertType.INSTRUMENT_STOPPED, new String[] {"停运", "stopped", "F"});

    private final boolean english;
    private final ZoneId zone;
    private final Map<String, String> enterpriseNames = new HashMap<>();

    public AlertMessages(Registry registry, AlertSettings settings) {
        this.english = settings.english();
        this.zone = ZoneId.of(settings.zoneId());
        for (Enterprise e : registry.enterprises) {
            enterpriseNames.put(e.id, e.name != null ? e.name : e.id);
        }
    }

    String exceedance(AlertEvent a, int holdHours) {
        String where = name(a.enterprise) + " " + a.source;
        String pollutant = pollutantName(a.pollutant);
        if (AlertEvent.FIRING.equals(a.state)) {
            return english
                    ? "EXCEEDANCE: " + where + " " + pollutant + " hourly average " + mg(a.value)
                            + " (ref. O2) is above the limit " + mg(a.threshold) + ", hour from " + local(a.timeMillis)
                    : "【超标】" + where + " " + pollutant + "小时均值（折算）" + mg(a.value) + "，超过排放限值" + mg(a.threshold) + "（"
                            + local(a.timeMillis) + "时段）";
        }
        return english
                ? "EXCEEDANCE OVER: " + where + " " + pollutant + " back within the limit " + mg(a.threshold) + " for "
                        + holdHours + " h (last hour " + mg(a.value) + ", from " + local(a.timeMillis) + ")"
                : "【超标解除】" + where + " " + pollutant + "已连续" + holdHours + "小时不超过限值" + mg(a.threshold) + "（最近小时均值"
                        + mg(a.value) + "，" + local(a.timeMillis) + "时段）";
    }

    String efficiencyDrop(AlertEvent a, String deviceType, String rule, int minutes) {
        String what = name(a.enterprise) + " " + a.device + "（" + pick(DEVICE_TYPES, deviceType) + "）";
        if (AlertEvent.FIRING.equals(a.state)) {
            return english
                    ? "EFFICIENCY DROP: " + name(a.enterprise) + " " + a.device + " (" + pick(DEVICE_TYPES, deviceType)
                            + ") removes " + pct(a.value) + ", under " + pct(a.threshold) + " (" + rule + ") for "
                            + minutes + " min since " + local(a.startMillis)
                    : "【治理设施效率下降】" + what + "去除效率" + pct(a.value) + "，低于" + pct(a.threshold) + "（" + rule + "），已持续"
                            + minutes + "分钟（自" + local(a.startMillis) + "起）";
        }
        return english
                ? "EFFICIENCY RESTORED: " + name(a.enterprise) + " " + a.device + " removes " + pct(a.value)
                        + ", at or above " + pct(a.threshold) + " for " + minutes + " min"
                : "【治理设施效率恢复】" + what + "去除效率" + pct(a.value) + "，已连续" + minutes + "分钟不低于" + pct(a.threshold);
    }

    /** The rule a threshold came from: the device minimum, or baseline minus the allowed drop. */
    String dropRule(boolean belowMinimum, double minPct, Double baselinePct, double maxDropPoints) {
        if (belowMinimum) {
            return english ? "minimum " + pct(minPct) : "最低效率" + pct(minPct);
        }
        return english
                ? "baseline " + pct(baselinePct) + " minus " + num(maxDropPoints) + " points"
                : "基准效率" + pct(baselinePct) + "减" + num(maxDropPoints) + "个百分点";
    }

    String noData(AlertEvent a, long silentMinutes) {
        String where = name(a.enterprise) + " " + a.source + "（MN " + a.mn + "）";
        if (AlertEvent.FIRING.equals(a.state)) {
            return english
                    ? "NO DATA: " + name(a.enterprise) + " " + a.source + " (MN " + a.mn + ") silent for over "
                            + silentMinutes + " min while running; last data " + local(a.timeMillis)
                    : "【数据中断】" + where + "运行中已超过" + silentMinutes + "分钟未上传数据，最后数据时间" + local(a.timeMillis);
        }
        return english
                ? "DATA BACK: " + name(a.enterprise) + " " + a.source + " (MN " + a.mn + ") sends again, data time "
                        + local(a.timeMillis)
                : "【数据恢复】" + where + "恢复上传数据，数据时间" + local(a.timeMillis);
    }

    String instrument(AlertEvent a, AlertType type) {
        String[] flag = FLAGS.get(type);
        String where = name(a.enterprise) + " " + a.source + "（MN " + a.mn + "）";
        if (AlertEvent.FIRING.equals(a.state)) {
            return english
                    ? "INSTRUMENT " + flag[1].toUpperCase(Locale.ROOT) + ": " + name(a.enterprise) + " " + a.source
                            + " (MN " + a.mn
                            + ") flagged " + flag[2] + " for " + num(a.value) + " min, over the allowed "
                            + num(a.threshold) + " min, since "
                            + local(a.startMillis)
                    : "【仪器" + flag[0] + "】" + where + "数据标记为" + flag[0] + "（" + flag[2] + "）已持续" + num(a.value)
                            + "分钟，超过允许的" + num(a.threshold) + "分钟（自" + local(a.startMillis) + "起）";
        }
        return english
                ? "INSTRUMENT BACK: " + name(a.enterprise) + " " + a.source + " (MN " + a.mn + ") no longer flagged "
                        + flag[2] + " since " + local(a.timeMillis)
                : "【仪器恢复】" + where + flag[0] + "（" + flag[2] + "）标记已解除，自" + local(a.timeMillis) + "起数据标记正常";
    }

    String clockSkew(AlertEvent a, long sustainMinutes) {
        String where = name(a.enterprise) + " " + a.source + "（MN " + a.mn + "）";
        String offset = num(Math.abs(a.value))
                + (english ? " min " : "分钟")
                + (a.value > 0 ? (english ? "ahead" : "超前") : (english ? "behind" : "滞后"));
        if (AlertEvent.FIRING.equals(a.state)) {
            return english
                    ? "CLOCK SKEW: " + name(a.enterprise) + " " + a.source + " (MN " + a.mn + ") data times are "
                            + offset + " of their arrival, over the tolerance " + num(a.threshold) + " min for "
                            + sustainMinutes + " min: check the data logger's clock"
                    : "【数采仪时钟偏差】" + where + "数据时间相对接收时间" + offset + "，超过允许的" + num(a.threshold) + "分钟已持续"
                            + sustainMinutes + "分钟，请校准数采仪时钟";
        }
        return english
                ? "CLOCK BACK: " + name(a.enterprise) + " " + a.source + " (MN " + a.mn
                        + ") data times agree with arrival again"
                : "【时钟恢复】" + where + "数据时间与接收时间恢复一致";
    }

    String treatmentNoPower(AlertEvent a, String meter, long sustainMinutes) {
        String where = name(a.enterprise) + " " + a.device + "（" + a.source + "，MN " + a.mn + "，电量监测因子" + meter + "）";
        if (AlertEvent.FIRING.equals(a.state)) {
            return english
                    ? "TREATMENT NO POWER: " + name(a.enterprise) + " " + a.device + " (" + a.source + ", MN " + a.mn
                            + ", meter " + meter + ") draws no power while production runs, for " + sustainMinutes
                            + " min since " + local(a.startMillis)
                    : "【治理设施未用电】" + where + "在生产设施运行时未用电，已持续" + sustainMinutes + "分钟（自" + local(a.startMillis) + "起）";
        }
        return english
                ? "TREATMENT POWER BACK: " + name(a.enterprise) + " " + a.device + " (" + a.source + ", MN " + a.mn
                        + ", meter " + meter + ") draws power again, or production stopped, since "
                        + local(a.timeMillis)
                : "【治理设施用电恢复】" + where + "自" + local(a.timeMillis) + "起恢复用电或生产设施已停运";
    }

    private String name(String enterprise) {
        return enterpriseNames.getOrDefault(enterprise, enterprise);
    }

    /** The catalogue's Chinese name or English label of a pollutant; its code when the catalogue has none. */
    private String pollutantName(String code) {
        return ParameterCatalogue.standard()
                .find(code)
                .filter(p -> !p.label().isEmpty())
                .map(p -> english ? p.label() : p.name())
                .orElse(code);
    }

    private String pick(Map<String, String[]> names, String code) {
        String[] n = names.get(code);
        return n == null ? code : n[english ? 1 : 0];
    }

    private String local(long millis) {
        return LOCAL.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    private static String mg(Double v) {
        return num(v) + " mg/m³";
    }

    private static String pct(Double v) {
        return num(v) + "%";
    }

    private static String num(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.1f", v);
    }
}
