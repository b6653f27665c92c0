package org.cems.job.quality;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple3;
import org.cems.job.decode.DeadLetter;

/**
 * The key of quality counts: enterprise, source and reason as a tuple, so no character in an
 * unknown MN (which may hold anything) can shift one part into another.
 */
public final class QualityKey implements KeySelector<DeadLetter, Tuple3<String, String, String>> {
    @Override
    public Tuple3<String, String, String> getKey(DeadLetter d) {
        return Tuple3.of(d.enterprise, d.source, d.reason);
    }
}
