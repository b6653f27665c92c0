package org.cems.connector.influxdb;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Turns a point into its line when it enters the writer's buffer, so state holds plain bytes. */
@Internal
final class PointConverter implements ElementConverter<InfluxPoint, EncodedLine> {
    private final WritePrecision precision;
    private final transient LineProtocol.EncodingListener listener;

    PointConverter(WritePrecision precision, LineProtocol.EncodingListener listener) {
        this.precision = precision;
        this.listener = listener;
    }

    @Override
    public EncodedLine apply(InfluxPoint point, SinkWriter.Context context) {
        return EncodedLine.of(LineProtocol.encode(point, precision, listener));
    }
}
