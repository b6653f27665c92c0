package org.cems.job.sink;

import org.cems.connector.mqtt.sink.MqttSink;
import org.cems.job.alert.AlertEvent;
import org.cems.job.alert.AlertMqttMessages;
import org.cems.job.config.JobConfig;
import org.cems.job.io.SecuredClients;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/** Alert events to MQTT under {@code alerts.mqtt_topic}, at QoS 1, on the brokers and credentials of {@code mqtt.*}; when {@code alerts.mqtt_enabled}. */
final class AlertMqttOutput implements OutputSink {
    @Override
    public void attach(JobOutputs outputs, JobContext job) {
        JobConfig config = job.config();
        if (!config.alerts.mqttEnabled) {
            return;
        }
        MqttSink<AlertEvent> sink = MqttSink.<AlertEvent>builder()
                .setBrokerUris(config.mqtt.brokerUris)
                .setClientIdPrefix(config.mqtt.clientIdPrefix + "-alerts")
                .setCredentials(config.mqtt.username, config.mqtt.passwordEnv)
                .setQos(1)
                .setTls(SecuredClients.mqtt(config.mqtt))
                .setMessageBuilder(new AlertMqttMessages(config.alerts.mqttTopic))
                .build();
        outputs.alerts().sinkTo(sink).name("alerts-mqtt").uid("alerts-mqtt");
    }
}
