package org.cems.connector.mqtt;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/** The payload as a string: the tests publish message ids as payloads. Never throws. */
final class StringDeserializer implements MqttRecordDeserializer<String> {
    @Override
    public void deserialize(
            String topic, byte[] payload, int qos, boolean retained, long receivedAtMillis, Collector<String> out) {
        out.collect(new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
