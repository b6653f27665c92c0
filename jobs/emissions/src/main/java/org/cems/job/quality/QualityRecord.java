package org.cems.job.quality;

/** How many inputs of one source were dead letters for one reason in one minute. A Flink POJO. */
public class QualityRecord {
    public String enterprise;
    public String source;
    public String reason;
    public long minuteStartMillis;
    public long count;

    public QualityRecord() {}

    public QualityRecord(String enterprise, String source, String reason, long minuteStartMillis, long count) {
        this.enterprise = enterprise;
        this.source = source;
        this.reason = reason;
        this.minuteStartMillis = minuteStartMillis;
        this.count = count;
    }
}
