package org.cems.job.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.api.common.state.MapState;

/** Removal of a map state's keys that match: collected first, as a state's key iterator cannot remove them. */
public final class StateKeys {
    private StateKeys() {}

    /** Removes the keys that match and returns them (for the caller to drop the same keys elsewhere). */
    public static <K> List<K> removeIf(MapState<K, ?> state, Predicate<K> matches) throws Exception {
        List<K> keys = new ArrayList<>();
        for (K key : state.keys()) {
            if (matches.test(key)) {
                keys.add(key);
            }
        }
        for (K key : keys) {
            state.remove(key);
        }
        return keys;
    }
}
