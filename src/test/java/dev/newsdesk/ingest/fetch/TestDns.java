package dev.newsdesk.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The test JVM's name service: it answers a few reserved names under {@code .newsdesk.test} the way an
 * attacker's DNS server would, and hands every other name to the JDK's own resolver.
 */
public final class TestDns extends InetAddressResolverProvider {

    /** Answers {@code ::ffff:127.0.0.1}: this machine, dressed as an IPv6 address. */
    public static final String MAPPED_LOOPBACK = "mapped-loopback.newsdesk.test";

    private static final String DOMAIN = ".newsdesk.test";

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                String name = host.toLowerCase(Locale.ROOT);
                if (!name.endsWith(DOMAIN)) {
                    return builtin.lookupByName(host, policy);
                }
                return Stream.of(answer(name));
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    private static InetAddress answer(String name) throws UnknownHostException {
        if (name.equals(MAPPED_LOOPBACK)) {
            // Inet6Address keeps the mapped form; InetAddress.getByAddress would turn it into an Inet4Address.
            return Inet6Address.getByAddress(name, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1}, -1);
        }
        throw new UnknownHostException(name);
    }

    @Override
    public String name() {
        return "newsdesk-test";
    }
}
