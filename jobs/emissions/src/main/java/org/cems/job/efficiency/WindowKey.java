package org.cems.job.efficiency;

import org.cems.core.time.Window;

/**
 * One window of a device's figures. {@link #stateKey()} is how it keys {@code DeviceEfficiency}'s
 * map state, {@code 1h|1764118800000}: a String as before, so savepoints stay readable.
 */
record WindowKey(Window window, long startMillis) {
    static WindowKey ofStateKey(String stateKey) {
        int bar = stateKey.indexOf('|');
        Window window = Window.ofLabel(stateKey.substring(0, bar))
                .orElseThrow(() -> new IllegalStateException("not a window key: " + stateKey));
        return new WindowKey(window, Long.parseLong(stateKey.substring(bar + 1)));
    }

    String stateKey() {
        return window.label() + "|" + startMillis;
    }
}
