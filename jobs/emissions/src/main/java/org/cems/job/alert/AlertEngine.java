package org.cems.job.alert;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * One alert engine as the job wires it: which of {@link AlertInputs} it reads, how it keys them,
 * and its operators (each with its stable uid), ending in its {@link AlertEvent}s. Every engine
 * implements it as a static {@code wire} method next to its process function and is listed once in
 * {@link AlertEngines#ALL}.
 */
@FunctionalInterface
public interface AlertEngine {
    DataStream<AlertEvent> wire(AlertInputs in);
}
