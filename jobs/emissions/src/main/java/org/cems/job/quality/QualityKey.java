package org.cems.job.quality;

import org.apache.flink.api.java.functions.KeySelector;
import org.cems.job.decode.DeadLetter;

/** The key of quality counts: enterprise, source and reason, joined by a character no id holds. */
public final class QualityKey implements KeySelector<DeadLetter, String> {
    private static final String SEPARATOR = "\u0001";

    @Override
    public String getKey(DeadLetter d) {
        return d.enterprise + SEPARATOR + d.source + SEPARATOR + d.reason;
    }

    static String[] split(String key) {
        return key.split(SEPARATOR, 3);
    }
}
