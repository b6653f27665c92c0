package org.cems.connector.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/** The words around a message: title, state, severity, where and when, in Chinese (default) or English. */
@Internal
final class NotificationText {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String[]> SEVERITIES = Map.of(
            "critical", new String[] {"严重", "critical"},
            "major", new String[] {"重要", "major"},
            "warning", new String[] {"一般", "warning"});

    private final ZoneId zone;
    private final boolean english;

    NotificationText(ZoneId zone, boolean english) {
        this.zone = zone;
        this.english = english;
    }

    String title(Notification n) {
        if (n.title != null && !n.title.isBlank()) {
            return n.title;
        }
        return (n.firing() ? (english ? "ALERT " : "【告警】") : (english ? "RESOLVED " : "【恢复】")) + n.type;
    }

    String state(Notification n) {
        return n.firing() ? (english ? "firing" : "告警中") : (english ? "resolved" : "已恢复");
    }

    String severity(Notification n) {
        String[] names = SEVERITIES.get(n.severity);
        return names == null ? String.valueOf(n.severity) : names[english ? 1 : 0];
    }

    String localTime(Notification n) {
        return LOCAL.format(Instant.ofEpochMilli(n.timeMillis).atZone(zone));
    }

    /** Markdown as DingTalk and WeCom group robots render it. */
    String markdown(Notification n) {
        return "### " + title(n) + "\n\n"
                + "- " + label("状态", "State") + "**" + state(n) + "**\n"
                + "- " + label("级别", "Severity") + severity(n) + "\n"
                + "- " + label("企业", "Enterprise") + n.enterpriseName + "\n"
                + "- " + label("监测点", "Source") + n.source + "\n"
                + "- " + label("时间", "Time") + localTime(n) + "\n\n"
                + n.message + "\n";
    }

    /** Plain text for e-mail. */
    String plain(Notification n) {
        return n.message + "\n\n"
                + label("状态", "State") + state(n) + "\n"
                + label("级别", "Severity") + severity(n) + "\n"
                + label("企业", "Enterprise") + n.enterpriseName + "（" + n.enterprise + "）\n"
                + label("监测点", "Source") + n.source + "\n"
                + label("时间", "Time") + localTime(n) + "（" + zone.getId() + "）\n"
                + label("告警编号", "Alert id") + n.id + "\n";
    }

    private String label(String chinese, String englishLabel) {
        return english ? englishLabel + ": " : chinese + "：";
    }
}
