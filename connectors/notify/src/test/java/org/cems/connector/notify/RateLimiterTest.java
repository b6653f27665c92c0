package org.cems.connector.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void theTwentyFirstMessageInAMinuteWaitsForTheFirstToLeaveTheWindow() throws InterruptedException {
        AtomicLong clock = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(RateLimit.groupRobot(), clock::get);
        for (int i = 0; i < 20; i++) {
            clock.set(i * 1000L); // one a second
            assertThat(limiter.acquire()).isZero();
        }
        clock.set(19_500);
        // 20 sent in [0 s, 19 s]: the 21st may go at 60 s, when the first one leaves the sliding minute
        assertThat(limiter.waitMillis()).isEqualTo(60_000 - 19_500);
        clock.set(60_000);
        assertThat(limiter.waitMillis()).isZero();
    }

    @Test
    void aLimitNeedsAMessageAndAWindow() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
