package org.cems.job.io;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.cems.connector.mqtt.MqttRecordDeserializer;
import org.cems.connector.mqtt.MqttSource;
import org.cems.connector.mqtt.MqttSourceBuilder;
import org.cems.core.reading.RawMessage;
import org.cems.job.config.JobConfig;

/** MQTT messages as raw messages: decoding happens downstream, where bad input becomes a dead letter. */
public class MqttRawMessages implements MqttRecordDeserializer<RawMessage> {
    @Override
    public void deserialize(
            String topic, byte[] payload, int qos, boolean retained, long receivedAtMillis, Collector<RawMessage> out) {
        out.collect(new RawMessage("mqtt:" + topic, payload, receivedAtMillis));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }

    /** The MQTT source as the job's config describes it. */
    public static MqttSource<RawMessage> source(JobConfig.Mqtt c) {
        return builder(c).build();
    }

    /** The source's settings from the config, for the source and for checks that must connect as it does. */
    public static MqttSourceBuilder<RawMessage> builder(JobConfig.Mqtt c) {
        MqttSourceBuilder<RawMessage> builder = MqttSource.<RawMessage>builder()
                .setBrokerUris(c.brokerUris.toArray(String[]::new))
                .setTopicFilters(c.topicFilters.toArray(String[]::new))
                .setQos(c.qos)
                .setClientIdPrefix(c.clientIdPrefix)
                .setSharedSubscriptionGroup(c.sharedGroup)
                .setDeserializer(new MqttRawMessages());
        if (c.username != null) {
            builder.setCredentials(c.username, c.passwordEnv);
        }
        if (c.tls.isSet()) {
            builder.setTls(SecuredClients.mqtt(c));
        }
        return builder;
    }
}
