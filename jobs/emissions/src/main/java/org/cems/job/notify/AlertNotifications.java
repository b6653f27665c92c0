package org.cems.job.notify;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.notify.Notification;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.job.alert.AlertEvent;

/**
 * An alert event as a notification: its message as {@code AlertMessages} worded it, and a title of
 * that message's headline (【超标】, 【超标解除】, EXCEEDANCE: ...) with the enterprise's name and
 * the device or point.
 */
public class AlertNotifications implements MapFunction<AlertEvent, Notification> {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> enterpriseNames = new HashMap<>();

    public AlertNotifications(Registry registry) {
        for (Enterprise e : registry.enterprises) {
            enterpriseNames.put(e.id, e.name != null ? e.name : e.id);
        }
    }

    @Override
    public Notification map(AlertEvent a) {
        Notification n = new Notification();
        n.id = a.id;
        n.state = a.state;
        n.severity = a.severity;
        n.type = a.type;
        n.enterprise = a.enterprise;
        n.enterpriseName = enterpriseNames.getOrDefault(a.enterprise, a.enterprise);
        n.source = a.source;
        n.message = a.message;
        n.title = headline(a.message, a.type) + " " + n.enterpriseName + " " + (a.device != null ? a.device : a.source);
        n.timeMillis = a.timeMillis;
        return n;
    }

    /** 【...】 of a Chinese message, the words before ":" of an English one; the type when neither. */
    static String headline(String message, String type) {
        if (message == null) {
            return type;
        }
        if (message.startsWith("【") && message.indexOf('】') > 0) {
            return message.substring(0, message.indexOf('】') + 1);
        }
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : type;
    }
}
