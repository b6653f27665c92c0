package org.cems.core.reading;

import org.cems.core.deadletter.DeadLetterReason;

/**
 * Why a payload, or part of it, could not become a reading; {@code reason} is from the catalogue.
 * {@code mn} names the monitoring point when the payload was readable that far (one bad item of a
 * reading), so the count lands on its source; null otherwise.
 */
public record Rejection(DeadLetterReason reason, String detail, String mn) {
    public Rejection(DeadLetterReason reason, String detail) {
        this(reason, detail, null);
    }
}
