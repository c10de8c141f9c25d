package dev.newsdesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The operator's list of trusted proxies, as Tomcat is given it. */
class TrustedProxiesTest {

    @Test
    void aLoneAddressIsABlockOfOne() {
        assertThat(TrustedProxies.cidr(List.of("10.0.0.5", " 2001:db8::7 ", "192.0.2.0/24")))
                .isEqualTo("10.0.0.5/32, 2001:db8::7/128, 192.0.2.0/24");
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertThat(TrustedProxies.cidr(List.of())).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnAddressAtStart() {
        assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.cidr(List.of("10.0.0.300/8")));
    }
}
