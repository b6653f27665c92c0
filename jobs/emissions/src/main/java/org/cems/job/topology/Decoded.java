package org.cems.job.topology;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.StationMeasurement;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.cems.job.decode.ReadingChecks;
import org.cems.job.decode.SplitUploads;
import org.cems.job.points.FacilityPoints;
import org.cems.job.points.ReadingPoints;
import org.cems.job.points.StationEventPoints;
import org.cems.job.points.StationMeasurementPoints;
import org.cems.job.types.JobTypes;

/**
 * The decode step: payloads decoded and normalised, the parts of split HJ 212 uploads joined, and
 * what the two carry besides readings, each unioned once.
 *
 * @param direct readings decoded from whole payloads
 * @param joinedSplits readings of split uploads, once all their parts are in
 * @param readings both
 * @param facilityStatuses facilities' running status (HJ 212-2017 CN 2021)
 * @param measurements HJ 212-2025 station measurements (electricity, production conditions, VOCs raw data, furnace temperature)
 * @param deadLetters payloads and parts refused, with their reason
 * @param readingPoints the {@code reading} points of {@code direct}, in its chain
 * @param splitReadingPoints the {@code reading} points of {@code joinedSplits}
 * @param stationPoints the {@code facility}, {@code station_event} and station measurements' points
 */
record Decoded(
        SingleOutputStreamOperator<SourceReading> direct,
        SingleOutputStreamOperator<SourceReading> joinedSplits,
        DataStream<SourceReading> readings,
        DataStream<FacilityStatus> facilityStatuses,
        DataStream<StationMeasurement> measurements,
        DataStream<DeadLetter> deadLetters,
        DataStream<InfluxPoint> readingPoints,
        DataStream<InfluxPoint> splitReadingPoints,
        DataStream<InfluxPoint> stationPoints) {
    /** Parts of a split HJ 212 upload not all in within this are a dead letter (incomplete_split). */
    static final long SPLIT_UPLOAD_TIMEOUT_MS = 10 * 60_000L;

    static Decoded of(DataStream<RawMessage> raw, JobContext job) {
        SingleOutputStreamOperator<SourceReading> decoded = raw.process(new DecodePayloads(
                        job.registry(),
                        job.zone(),
                        job.config().maxPayloadBytes,
                        ReadingChecks.of(job.config()),
                        job.config().sm4.keySource()))
                .returns(JobTypes.SOURCE_READING)
                .name("decode-payloads")
                .uid("decode-payloads");
        SingleOutputStreamOperator<SourceReading> joinedSplits = decoded.getSideOutput(DecodePayloads.SPLIT_PARTS)
                .keyBy(p -> p.mn)
                .process(new SplitUploads(
                        job.registry(), job.zone(), SPLIT_UPLOAD_TIMEOUT_MS, ReadingChecks.of(job.config())))
                .returns(JobTypes.SOURCE_READING)
                .name("split-uploads")
                .uid("split-uploads");
        DataStream<FacilityStatus> facilityStatuses = decoded.getSideOutput(DecodePayloads.FACILITY)
                .union(joinedSplits.getSideOutput(DecodePayloads.FACILITY));
        DataStream<StationMeasurement> measurements = decoded.getSideOutput(DecodePayloads.MEASUREMENTS)
                .union(joinedSplits.getSideOutput(DecodePayloads.MEASUREMENTS));
        DataStream<InfluxPoint> stationPoints = facilityStatuses
                .map(new FacilityPoints(job.registry()))
                .name("facility-points")
                .uid("facility-points")
                .union(
                        decoded.getSideOutput(DecodePayloads.STATION_EVENTS)
                                .union(joinedSplits.getSideOutput(DecodePayloads.STATION_EVENTS))
                                .map(new StationEventPoints(job.registry()))
                                .name("station-event-points")
                                .uid("station-event-points"),
                        measurements
                                .map(new StationMeasurementPoints(job.registry()))
                                .name("station-measurement-points")
                                .uid("station-measurement-points"));
        // Reading points are most of the volume: the decoder's go to a sink of their own, in the same
        // chain, so they never cross the network between tasks (an operator with several inputs, as
        // after a union, cannot be chained).
        DataStream<InfluxPoint> readingPoints =
                decoded.flatMap(new ReadingPoints()).name("reading-points").uid("reading-points");
        DataStream<InfluxPoint> splitReadingPoints = joinedSplits
                .flatMap(new ReadingPoints())
                .name("split-reading-points")
                .uid("split-reading-points");
        return new Decoded(
                decoded,
                joinedSplits,
                decoded.union(joinedSplits),
                facilityStatuses,
                measurements,
                decoded.getSideOutput(DecodePayloads.DEAD_LETTERS)
                        .union(joinedSplits.getSideOutput(DecodePayloads.DEAD_LETTERS)),
                readingPoints,
                splitReadingPoints,
                stationPoints);
    }
}
