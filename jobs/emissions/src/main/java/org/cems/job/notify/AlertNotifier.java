package org.cems.job.notify;

import org.cems.connector.notify.NotifySink;
import org.cems.job.config.JobConfig;
import org.cems.job.sink.OutputSink;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/** Sends alert events to people as {@code notify} in the job config says; nothing when it names no target. */
public final class AlertNotifier implements OutputSink {
    @Override
    public void attach(JobOutputs outputs, JobContext job) {
        JobConfig config = job.config();
        NotifyConfig notify = config.notify;
        if (!notify.enabled()) {
            return;
        }
        NotifySink sink = NotifySink.builder()
                .setOptions(notify.options(job.zone(), "en".equals(config.alerts.language)))
                .setDeliveryFailureHandler(
                        new KafkaNotifyFailures(config.kafka.bootstrapServers, config.kafka.deadletterTopic))
                .build();
        // one writer: rate limits are per robot, and alerts are few
        outputs.alerts()
                .map(new AlertNotifications(job.registry()))
                .name("alert-notifications")
                .uid("alert-notifications")
                .setParallelism(1)
                .sinkTo(sink)
                .name("alerts-notify")
                .uid("alerts-notify")
                .setParallelism(1);
    }
}
