package org.cems.connector.mqtt;

import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Discards records, only counting them (in a static counter: the MiniCluster is in this JVM). */
final class CountingDiscardingSink implements Sink<String> {
    static final LongAdder COUNT = new LongAdder();

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(String record, Context ctx) {
                COUNT.increment();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
