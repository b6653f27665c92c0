package org.cems.job.sink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.cems.job.decode.CountDeadLetters;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DeadLetterSerializer;
import org.cems.job.io.KafkaClients;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/** Dead letters, counted, to Kafka {@code kafka.deadletter_topic}. */
final class DeadLetterKafkaOutput implements OutputSink {
    @Override
    public void attach(JobOutputs outputs, JobContext job) {
        outputs.deadLetters()
                .map(new CountDeadLetters())
                .name("dead-letter-counts")
                .uid("dead-letter-counts")
                .sinkTo(KafkaSink.<DeadLetter>builder()
                        .setKafkaProducerConfig(KafkaClients.properties(job.config().kafka))
                        .setRecordSerializer(new DeadLetterSerializer(job.config().kafka.deadletterTopic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("deadletter-kafka")
                .uid("deadletter-kafka");
    }
}
