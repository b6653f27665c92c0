package org.cems.job.notify;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.cems.connector.notify.NotifySink;
import org.cems.core.registry.Registry;
import org.cems.job.alert.AlertEvent;
import org.cems.job.config.JobConfig;

/** Sends alert events to people as {@code notify} in the job config says; nothing when it names no target. */
public final class AlertNotifier {
    private AlertNotifier() {}

    public static void attach(DataStream<AlertEvent> alerts, JobConfig config, Registry registry, String zone) {
        NotifyConfig notify = config.notify;
        if (!notify.enabled()) {
            return;
        }
        NotifySink sink = NotifySink.builder()
                .setOptions(notify.options(zone, "en".equals(config.alerts.language)))
                .setDeliveryFailureHandler(new KafkaNotifyFailures(config.kafka.bootstrapServers, config.kafka.deadletterTopic))
                .build();
        // one writer: rate limits are per robot, and alerts are few
        alerts.map(new AlertNotifications(registry)).name("alert-notifications").uid("alert-notifications").setParallelism(1)
                .sinkTo(sink).name("alerts-notify").uid("alerts-notify").setParallelism(1);
    }
}
