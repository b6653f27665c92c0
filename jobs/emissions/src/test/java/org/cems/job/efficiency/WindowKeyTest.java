package org.cems.job.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import org.cems.core.time.Window;
import org.junit.jupiter.api.Test;

class WindowKeyTest {
    @Test
    void theStateKeyIsTheStringOfEarlierSavepoints() {
        // 2025-11-26T01:00:00Z; before WindowKey the state key was window + "|" + start
        WindowKey k = new WindowKey(Window.HOUR, 1_764_118_800_000L);
        assertThat(k.stateKey()).isEqualTo("1h|1764118800000");
        assertThat(WindowKey.ofStateKey("1h|1764118800000")).isEqualTo(k);
        assertThat(WindowKey.ofStateKey("1d|-3600000")).isEqualTo(new WindowKey(Window.DAY, -3_600_000L));
    }
}
