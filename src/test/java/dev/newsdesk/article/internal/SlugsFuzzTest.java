package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/** Slugs under a fuzzer: any title gives a short address part of lower-case letters, digits and single dashes. */
class SlugsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void slugsAreShortLowerCaseWordsJoinedByDashes(byte[] input) {
        String title = new String(input, StandardCharsets.UTF_8);

        String slug = Slugs.of(title);

        assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(Slugs.of(slug)).as("the slug of a slug").isEqualTo(slug);
    }
}
