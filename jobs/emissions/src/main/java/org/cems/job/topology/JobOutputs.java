package org.cems.job.topology;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.alert.AlertEvent;
import org.cems.job.decode.DeadLetter;

/**
 * What the job's topology produces, for the sinks ({@code org.cems.job.sink.JobSinks}) to attach to.
 *
 * @param readingPoints the decoder's own {@code reading} points, most of the volume: a sink attached
 *        to this stream is chained to the decoder, so they never cross the network between tasks
 * @param emissionPoints the windows' {@code emission} points, one per source, pollutant and window, the most
 *        after the readings: a sink attached to this stream is chained to the windows
 * @param registryPoints the registry's points from their one-task source, rewritten daily
 * @param points every other InfluxDB point (including the {@code alert} points)
 * @param alerts the alert events of every engine
 * @param deadLetters input refused while decoding or windowing, each with its reason
 */
public record JobOutputs(
        DataStream<InfluxPoint> readingPoints,
        DataStream<InfluxPoint> emissionPoints,
        DataStream<InfluxPoint> registryPoints,
        DataStream<InfluxPoint> points,
        DataStream<AlertEvent> alerts,
        DataStream<DeadLetter> deadLetters) {}
