package dev.newsdesk.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The test JVM's name service: it answers a few reserved names under {@code .newsdesk.test} the way an
 * attacker's DNS server would, and hands every other name to the JDK's own resolver. Surefire runs the
 * tests with the JVM's address cache off, so that every lookup reaches it and it can count them.
 */
public final class TestDns extends InetAddressResolverProvider {

    /** Answers {@code ::ffff:127.0.0.1}: this machine, dressed as an IPv6 address. */
    public static final String MAPPED_LOOPBACK = "mapped-loopback.newsdesk.test";
    /** Answers 127.0.0.1. */
    public static final String LOOPBACK = "loopback.newsdesk.test";

    private static final String REBINDING = "rebinding-";
    private static final String SHIFTING = "shifting-";
    private static final String DOMAIN = ".newsdesk.test";
    /** A public address; with no way out of the test machine, a connection to it fails. */
    static final byte[] PUBLIC = {93, (byte) 184, (byte) 216, 34};

    private static final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** A fresh name that answers a public address first and 127.0.0.1 on every later lookup (DNS rebinding). */
    public static String rebinding() {
        return REBINDING + UUID.randomUUID() + DOMAIN;
    }

    /** A fresh name that answers 127.0.0.1 first and 127.0.0.2, where nothing listens, on every later lookup. */
    public static String shifting() {
        return SHIFTING + UUID.randomUUID() + DOMAIN;
    }

    /** How often {@code name} has been looked up. */
    public static int lookups(String name) {
        AtomicInteger count = lookups.get(name.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

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
                int lookup = lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                return Stream.of(answer(name, lookup));
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    private static InetAddress answer(String name, int lookup) throws UnknownHostException {
        if (name.equals(MAPPED_LOOPBACK)) {
            // Inet6Address keeps the mapped form; InetAddress.getByAddress would turn it into an Inet4Address.
            return Inet6Address.getByAddress(name, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1}, -1);
        }
        if (name.equals(LOOPBACK)) {
            return InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1});
        }
        if (name.startsWith(REBINDING)) {
            return InetAddress.getByAddress(name, lookup == 1 ? PUBLIC : new byte[] {127, 0, 0, 1});
        }
        if (name.startsWith(SHIFTING)) {
            return InetAddress.getByAddress(name, new byte[] {127, 0, 0, (byte) (lookup == 1 ? 1 : 2)});
        }
        throw new UnknownHostException(name);
    }

    @Override
    public String name() {
        return "newsdesk-test";
    }
}
