package org.cems.job.sink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.cems.job.alert.AlertEvent;
import org.cems.job.alert.AlertKafkaSerializer;
import org.cems.job.io.KafkaClients;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/** Alert events to Kafka {@code alerts.kafka_topic}, keyed by id. */
final class AlertKafkaOutput implements OutputSink {
    @Override
    public void attach(JobOutputs outputs, JobContext job) {
        outputs.alerts()
                .sinkTo(KafkaSink.<AlertEvent>builder()
                        .setKafkaProducerConfig(KafkaClients.properties(job.config().kafka))
                        .setRecordSerializer(new AlertKafkaSerializer(job.config().alerts.kafkaTopic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("alerts-kafka")
                .uid("alerts-kafka");
    }
}
