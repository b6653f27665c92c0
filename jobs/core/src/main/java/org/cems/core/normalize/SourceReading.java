package org.cems.core.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reading mapped to its enterprise and source, with normalised measures by parameter code.
 * A Flink POJO; the string fields are what the InfluxDB tags need.
 */
public class SourceReading {
    public String enterprise;
    public String park;
    public String industry;
    public String source;
    public String mn;
    public String cn;
    public long timeMillis;
    /** Where the payload came from (Kafka topic/partition@offset, MQTT topic), for dead letters. */
    public String origin;
    /** The raw reported value and flag per code, for the {@code reading} measurement. */
    public Map<String, Measure> reported = new LinkedHashMap<>();
    /** Normalised measures per code (dry, standard state, mg/m3; flow m3/h). */
    public Map<String, Measure> measures = new LinkedHashMap<>();

    public SourceReading() {}
}
