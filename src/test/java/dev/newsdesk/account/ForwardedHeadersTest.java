package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.Map;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies the operator trusts (loopback by
 * default): a client that talks to the portal from another address is that address, whatever it claims.
 */
@NewsdeskTest
class ForwardedHeadersTest {

    @Autowired AccountSettings settings;
    @LocalServerPort int port;

    @Test
    void aClientRotatingXForwardedForFromAnUntrustedAddressCannotEscapeTheThrottle() {
        TestBrowser browser = new TestBrowser(ownAddress(), port);
        Document form = browser.page("/signup");
        int status = 0;
        // The allowance refills as the loop runs, a little: the bound leaves room for that.
        for (int attempt = 1; attempt <= 2 * settings.attemptsPerAddress() && status != 429; attempt++) {
            browser.header("X-Forwarded-For", "198.51.100." + (attempt % 250 + 1));
            status = browser.submit(form, "form.account-form", Map.of("displayName", "x", "email", "bad" + attempt,
                    "password", "x")).statusCode();
        }

        assertThat(status).isEqualTo(429);
    }

    @Test
    void forwardedProtocolFromAnUntrustedAddressIsIgnored() {
        HttpResponse<String> page = new TestBrowser(ownAddress(), port).header("X-Forwarded-Proto", "https").get("/login");

        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("csrf="))
                .singleElement().asString().doesNotContain("Secure");
    }

    /**
     * An address of this machine that is not loopback, the private ones first (those a proxy would usually
     * have, and which Tomcat would trust by default), written as a URL host.
     */
    private static String ownAddress() {
        try {
            InetAddress address = NetworkInterface.networkInterfaces().filter(ForwardedHeadersTest::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                    .min(Comparator.comparing((InetAddress a) -> !isPrivate(a)))
                    .orElseThrow(() -> new AssertionError("This test needs an address of this machine besides loopback"));
            return address instanceof Inet6Address ? "[" + address.getHostAddress().replaceFirst("%.*", "") + "]"
                    : address.getHostAddress();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPrivate(InetAddress address) {
        return address instanceof Inet4Address ? address.isSiteLocalAddress() : (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
