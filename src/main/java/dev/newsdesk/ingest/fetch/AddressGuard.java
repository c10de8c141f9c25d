package dev.newsdesk.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Looks up the addresses of a host for the fetcher and refuses the lookup when any answer reaches inside
 * the portal's network. It is the only name service the fetcher's connections use, so a connection goes to
 * exactly the addresses checked here, never to a second answer (DNS rebinding).
 *
 * <p>An address is judged by what it reaches, whatever Java type the resolver returns: IPv4 carried in IPv6
 * (mapped, compatible, SIIT, NAT64 {@code 64:ff9b::/96}, 6to4) is judged as the IPv4 address it carries, and
 * of IPv6 proper only global unicast outside the special-purpose blocks is public.
 */
public final class AddressGuard implements DnsResolver {

    private static final List<Block> PRIVATE_IPV4 = Block.all(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3");
    /** Inside global unicast: IETF protocol assignments (Teredo, benchmarking, ORCHID...) and documentation. */
    private static final List<Block> SPECIAL_IPV6 = Block.all("2001::/23", "2001:db8::/32", "3fff::/20");
    private static final Block NAT64 = Block.of("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16");

    private final Predicate<InetAddress> reachable;

    /** A guard that refuses every address that is not public, unless {@code allowPrivate}. */
    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate ? address -> true : AddressGuard::isPublic);
    }

    AddressGuard(Predicate<InetAddress> reachable) {
        this.reachable = reachable;
    }

    /** Whether {@code address} reaches the public internet rather than this machine or its networks. */
    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return PRIVATE_IPV4.stream().noneMatch(block -> block.contains(bytes));
        }
        byte[] carried = carriedIpv4(bytes);
        if (carried != null) {
            return PRIVATE_IPV4.stream().noneMatch(block -> block.contains(carried));
        }
        return GLOBAL_UNICAST.contains(bytes) && SPECIAL_IPV6.stream().noneMatch(block -> block.contains(bytes));
    }

    /** The IPv4 address an IPv6 address stands for, or null when it carries none. */
    private static byte[] carriedIpv4(byte[] ipv6) {
        boolean zeros = Arrays.equals(ipv6, 0, 8, new byte[8], 0, 8);
        int fifth = (ipv6[8] & 0xff) << 8 | ipv6[9] & 0xff;
        int sixth = (ipv6[10] & 0xff) << 8 | ipv6[11] & 0xff;
        // ::a.b.c.d (compatible, also :: and ::1), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT)
        boolean embedded = zeros && (fifth == 0 && (sixth == 0 || sixth == 0xffff) || fifth == 0xffff && sixth == 0);
        if (embedded || NAT64.contains(ipv6)) {
            return Arrays.copyOfRange(ipv6, 12, 16);
        }
        if (SIX_TO_FOUR.contains(ipv6)) {
            return Arrays.copyOfRange(ipv6, 2, 6);
        }
        return null;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] answers = InetAddress.getAllByName(host);
        for (InetAddress address : answers) {
            if (!reachable.test(address)) {
                throw new AddressRefused("The address " + host + " (" + address.getHostAddress()
                        + ") is private; feeds may not point inside the portal's network");
            }
        }
        return answers;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Only Kerberos asks for it, and the fetcher does not authenticate; no second lookup for it.
        return host;
    }

    /** A lookup whose answer the guard refused; its message is the sentence an editor sees. */
    static final class AddressRefused extends UnknownHostException {
        AddressRefused(String message) {
            super(message);
        }
    }

    /** A block of addresses in CIDR notation. */
    private record Block(byte[] prefix, int bits) {

        static Block of(String cidr) {
            String[] parts = cidr.split("/");
            try {
                // Literals only: no lookup. None of the blocks is IPv4-mapped, which the JDK would turn into IPv4.
                return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        static List<Block> all(String... cidrs) {
            return Arrays.stream(cidrs).map(Block::of).toList();
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
