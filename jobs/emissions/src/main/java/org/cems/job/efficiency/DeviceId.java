package org.cems.job.efficiency;

/**
 * A control device within its enterprise (device ids are unique only per enterprise). {@link #path()}
 * is the form that keys Flink state and names the device in KPI state: a String, which hashes the
 * same in every JVM and keeps savepoints readable.
 */
public record DeviceId(String enterprise, String device) {
    /** {@code enterprise/device}. */
    public String path() {
        return enterprise + "/" + device;
    }
}
