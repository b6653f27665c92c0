package org.cems.job.sink;

import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/**
 * Every point to InfluxDB, through three sinks so that none of them adds a network hop: the
 * decoder's reading points in the decoder's chain, the registry's in its one-task source's chain,
 * the rest after their union.
 */
final class InfluxDbOutput implements OutputSink {
    private final Supplier<Sink<InfluxPoint>> pointSinks;

    /** {@code pointSinks} gives a new sink per call: the job's InfluxDB sink, or the benchmark's discarding one. */
    InfluxDbOutput(Supplier<Sink<InfluxPoint>> pointSinks) {
        this.pointSinks = pointSinks;
    }

    @Override
    public void attach(JobOutputs outputs, JobContext job) {
        outputs.readingPoints()
                .sinkTo(pointSinks.get())
                .name("influxdb-readings")
                .uid("influxdb-readings");
        outputs.registryPoints()
                .sinkTo(pointSinks.get())
                .name("influxdb-registry")
                .uid("influxdb-registry")
                .setParallelism(1);
        outputs.points().sinkTo(pointSinks.get()).name("influxdb").uid("influxdb");
    }
}
