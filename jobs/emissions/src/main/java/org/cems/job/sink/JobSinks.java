package org.cems.job.sink;

import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.notify.AlertNotifier;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/** Every destination of the job, in one list: a new one is an {@link OutputSink} class and one line here. */
public final class JobSinks {
    private JobSinks() {}

    /** InfluxDB (points from {@code pointSinks}, one sink per call), dead letters and alerts to Kafka, alerts to MQTT and to people. */
    static List<OutputSink> all(Supplier<Sink<InfluxPoint>> pointSinks) {
        return List.of(
                new InfluxDbOutput(pointSinks),
                new DeadLetterKafkaOutput(),
                new AlertKafkaOutput(),
                new AlertMqttOutput(),
                new AlertNotifier());
    }

    public static void attach(JobOutputs outputs, JobContext job, Supplier<Sink<InfluxPoint>> pointSinks) {
        for (OutputSink sink : all(pointSinks)) {
            sink.attach(outputs, job);
        }
    }
}
