package dev.newsdesk.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import dev.newsdesk.site.Language;
import org.junit.jupiter.api.Test;

class MinHashTest {

    private static final String STORY = "Судостроительный завод спустил на воду головной фрегат новой серии. Корабль "
            + "достроят на плаву, а ходовые испытания начнутся летом следующего года на Балтике.";

    @Test
    void rewordedStoriesStayCloseAndOthersFarApart() {
        int[] story = signature(STORY);
        int[] inflected = signature("Судостроительные заводы спускают на воду головные фрегаты новой серии. Корабли "
                + "достраивают на плаву, а ходовые испытания начнутся летом следующего года на Балтике.");
        int[] other = signature("Министерство утвердило программу подготовки инженеров для авиационной отрасли "
                + "и выделило гранты университетам.");

        assertThat(MinHash.similarity(story, story)).isEqualTo(1.0);
        assertThat(MinHash.similarity(story, inflected)).as("stemming sees through word forms").isGreaterThan(0.3);
        assertThat(MinHash.similarity(story, other)).isLessThan(0.1);
    }

    @Test
    void similarStoriesShareABandAndUnrelatedOnesDoNot() {
        long[] story = MinHash.bands(signature(STORY));
        long[] same = MinHash.bands(signature(STORY + " Об этом сообщили на заводе."));
        long[] other = MinHash.bands(signature("The Navy ordered six frigates from the yard for delivery by 2030."));

        assertThat(Arrays.stream(story).anyMatch(band -> Arrays.stream(same).anyMatch(b -> b == band))).isTrue();
        assertThat(Arrays.stream(story).noneMatch(band -> Arrays.stream(other).anyMatch(b -> b == band))).isTrue();
    }

    @Test
    void signaturesSurviveTheirTextForm() {
        int[] signature = signature(STORY);

        assertThat(MinHash.decode(MinHash.encode(signature))).isEqualTo(signature);
        assertThat(MinHash.encode(signature)).hasSize(MinHash.FUNCTIONS * 8);
    }

    private static int[] signature(String text) {
        return MinHash.signature(Shingles.of(text, Language.RU));
    }
}
