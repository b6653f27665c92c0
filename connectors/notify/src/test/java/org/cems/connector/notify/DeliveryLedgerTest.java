package org.cems.connector.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final long NOW = 1_764_130_000_000L;

    @Test
    void anIdAndStateIsAcceptedOncePerTarget() {
        DeliveryLedger ledger = new DeliveryLedger(List.of());
        Notification fired = Notifications.of("power/u1-stack/a21026", Notification.FIRING, "critical", "exceedance");
        Notification resolved =
                Notifications.of("power/u1-stack/a21026", Notification.RESOLVED, "critical", "exceedance");
        assertThat(ledger.accept("duty", fired)).isTrue();
        assertThat(ledger.accept("duty", fired)).as("pending").isFalse();
        assertThat(ledger.accept("ding", fired)).as("another target").isTrue();
        assertThat(ledger.accept("duty", resolved)).as("another state").isTrue();
        ledger.delivered("duty", fired, NOW);
        assertThat(ledger.accept("duty", fired)).as("delivered").isFalse();
        ledger.abandoned("ding", fired);
        assertThat(ledger.pendingCount()).isEqualTo(1);
    }

    @Test
    void aRestoreResendsWhatWasPendingAndNotWhatWasDelivered() throws Exception {
        DeliveryLedger before = new DeliveryLedger(List.of());
        Notification fired = Notifications.of("power/u1-stack/a21026", Notification.FIRING, "critical", "exceedance");
        Notification resolved =
                Notifications.of("power/u1-stack/a21026", Notification.RESOLVED, "critical", "exceedance");
        before.accept("duty", fired);
        before.accept("duty", resolved);
        before.delivered("duty", fired, NOW);
        NotifyWriterStateSerializer serializer = new NotifyWriterStateSerializer();
        NotifyWriterState checkpoint =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(before.snapshot(NOW, WEEK)));

        DeliveryLedger after = new DeliveryLedger(List.of(checkpoint));
        assertThat(after.recoveredPending()).containsExactly(new PendingDelivery("duty", resolved));
        assertThat(after.accept("duty", fired))
                .as("delivered before the checkpoint")
                .isFalse();
        assertThat(after.accept("duty", resolved))
                .as("pending at the checkpoint: sent again")
                .isTrue();
    }

    @Test
    void deliveredKeysAreForgottenAfterTheRetention() {
        DeliveryLedger ledger = new DeliveryLedger(List.of());
        Notification fired = Notifications.of("power/u1-stack/a21026", Notification.FIRING, "critical", "exceedance");
        ledger.accept("duty", fired);
        ledger.delivered("duty", fired, NOW - WEEK.toMillis() - 1);
        assertThat(ledger.snapshot(NOW, WEEK).deliveredAtMillis()).isEmpty();
    }
}
