package dev.newsdesk.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Links under a fuzzer: a cleaned link is an absolute http(s) address with a host, no fragment and no tracking
 * parameter, or null; cleaning it again changes nothing. The input is the base address, a new line, and the link.
 */
class LinksFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void cleanLinksAreAbsoluteWebAddressesOrNothing(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        URI base = newline < 0 ? null : base(text.substring(0, newline));
        String link = newline < 0 ? text : text.substring(newline + 1);

        String clean = Links.clean(link, base);

        if (clean == null) {
            return;
        }
        URI uri = URI.create(clean);
        assertThat(uri.getScheme()).as(clean).isIn("http", "https");
        assertThat(uri.getHost()).as(clean).isNotBlank();
        assertThat(uri.getRawFragment()).as(clean).isNull();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                assertThat(pair.toLowerCase(Locale.ROOT)).as(clean).doesNotStartWith("utm_");
            }
        }
        assertThat(Links.clean(clean, null)).as("cleaning %s again", clean).isEqualTo(clean);
        assertThat(Links.clean(clean, base)).as("resolving %s again", clean).isEqualTo(clean);
    }

    private static URI base(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
