package org.cems.job.io;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.core.reading.RawMessage;

/** Kafka records as raw messages; decoding happens downstream so no payload can fail the source. */
public class KafkaRawMessages implements KafkaRecordDeserializationSchema<RawMessage> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) throws IOException {
        String origin = "kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset();
        out.collect(new RawMessage(origin, record.value(), System.currentTimeMillis()));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
