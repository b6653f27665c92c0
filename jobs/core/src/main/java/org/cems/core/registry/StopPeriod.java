package org.cems.core.registry;

import java.io.Serializable;

/**
 * A period in which a source is known to be stopped (registry {@code stop_schedule}: planned
 * outages, overhauls): minute data flagged F in it is a source stop, not missing data. {@code from}
 * and {@code to} are ISO-8601 times, with an offset or local in the registry's zone; the loader
 * resolves them.
 */
public class StopPeriod implements Serializable {
    private static final long serialVersionUID = 1L;

    public String from;
    public String to;
    long fromMillis;
    long toMillis;

    public StopPeriod() {}

    /** True when {@code timeMillis} lies in [from, to). */
    public boolean covers(long timeMillis) {
        return timeMillis >= fromMillis && timeMillis < toMillis;
    }
}
