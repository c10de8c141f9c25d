package dev.newsdesk.account.internal;

import java.util.List;

import dev.newsdesk.account.AccountSettings;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the proxies in
 * {@link AccountSettings#trustedProxies()}. Tomcat would otherwise trust them from any private address, so that
 * a client on a neighbouring network could claim any address and escape the per-address throttle. Runs after
 * Spring Boot has set up the forwarded headers ({@code server.forward-headers-strategy=native}), whose own list
 * of internal proxies it replaces.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String proxies;

    TrustedProxies(AccountSettings settings) {
        this.proxies = cidr(settings.trustedProxies());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        for (Object valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve forwarded) {
                forwarded.setInternalProxies(proxies);
                // No chain of further proxies named in X-Forwarded-For is believed beyond those.
                forwarded.setTrustedProxies(null);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The proxies as Tomcat's CIDR list; a lone address is a block of one. An empty list trusts nobody. */
    static String cidr(List<String> proxies) {
        List<String> blocks = proxies.stream().map(String::strip)
                .map(proxy -> proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32"))
                .toList();
        for (String block : blocks) {
            try {
                new NetMask(block);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("newsdesk.account.trusted-proxies: not an address or CIDR block: " + block, e);
            }
        }
        return String.join(", ", blocks);
    }
}
