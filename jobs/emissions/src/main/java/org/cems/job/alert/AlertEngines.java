package org.cems.job.alert;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The job's alert engines, in one list. Everything downstream (Kafka, MQTT, InfluxDB {@code alert},
 * open incidents, notifications) takes the union, so a new alert type is its engine class and one
 * line here.
 */
public final class AlertEngines {
    /** Exceedances, efficiency drops, no data with instrument state and clock skew, treatment facilities without power. */
    static final List<AlertEngine> ALL = List.of(
            ExceedanceAlerts::wire, EfficiencyDropAlerts::wire, ReadingAlerts::wire, TreatmentPowerAlerts::wire);

    private AlertEngines() {}

    /** The events of every engine in {@link #ALL}, as one stream. */
    public static DataStream<AlertEvent> union(AlertInputs in) {
        DataStream<AlertEvent> first = ALL.get(0).wire(in);
        @SuppressWarnings("unchecked")
        DataStream<AlertEvent>[] rest =
                ALL.subList(1, ALL.size()).stream().map(e -> e.wire(in)).toArray(DataStream[]::new);
        return first.union(rest);
    }
}
