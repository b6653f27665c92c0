package org.cems.core.reading;

/**
 * Why a payload, or part of it, could not become a reading; {@code reason} is a stable code.
 * {@code mn} names the monitoring point when the payload was readable that far (one bad item of a
 * reading), so the count lands on its source; null otherwise.
 */
public record Rejection(String reason, String detail, String mn) {
    public Rejection(String reason, String detail) {
        this(reason, detail, null);
    }
}
