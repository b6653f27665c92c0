package org.cems.job.sink;

import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;

/**
 * Every point to InfluxDB, through four sinks so that the most numerous never cross the network
 * between tasks: the decoder's reading points in the decoder's chain, the windows' emission points
 * in the windows' chain, the registry's in its one-task source's chain, the rest after their union.
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
        outputs.emissionPoints()
                .sinkTo(pointSinks.get())
                .name("influxdb-emissions")
                .uid("influxdb-emissions");
        outputs.registryPoints()
                .sinkTo(pointSinks.get())
                .name("influxdb-registry")
                .uid("influxdb-registry")
                .setParallelism(1);
        outputs.points().sinkTo(pointSinks.get()).name("influxdb").uid("influxdb");
    }
}
