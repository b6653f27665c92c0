package org.cems.job.alert;

import org.cems.connector.mqtt.sink.MqttMessageBuilder;

/** Alerts on MQTT {@code cems/alerts/{enterprise}/{source}} (the topic template of the job config), as the Kafka JSON. */
public class AlertMqttMessages implements MqttMessageBuilder<AlertEvent> {
    private final String topicTemplate;

    public AlertMqttMessages(String topicTemplate) {
        this.topicTemplate = topicTemplate;
    }

    @Override
    public String topic(AlertEvent a) {
        return topicTemplate.replace("{enterprise}", a.enterprise).replace("{source}", a.source);
    }

    @Override
    public byte[] payload(AlertEvent a) {
        return AlertJson.bytes(a);
    }
}
