package dev.newsdesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who the throttle counts a request for. */
class AttemptThrottleTest {

    @Test
    void countsAnIpv6ClientByItsSlash64() {
        assertThat(AttemptThrottle.client("2001:db8:1:2:aaaa::1")).isEqualTo(AttemptThrottle.client("2001:db8:1:2::ffff"))
                .isNotEqualTo(AttemptThrottle.client("2001:db8:1:3::1"));
        assertThat(AttemptThrottle.client("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
