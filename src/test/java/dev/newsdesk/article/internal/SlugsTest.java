package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void transliteratesRussianTitles() {
        assertThat(Slugs.of("Минобороны получило Су-57 и «Щит»"))
                .isEqualTo("minoborony-poluchilo-su-57-i-shchit");
        assertThat(Slugs.of("Ёлка, жёлтый ящик: съезд")).isEqualTo("yolka-zhyoltyy-yashchik-sezd");
    }

    @Test
    void keepsLatinLettersAndDigitsAndDropsAccents() {
        assertThat(Slugs.of("Revue Défense: 22350 frigates in 2026!")).isEqualTo("revue-defense-22350-frigates-in-2026");
    }

    @Test
    void cutsLongTitlesAtAWordBoundary() {
        String slug = Slugs.of("Очень длинный заголовок новости ".repeat(10));

        assertThat(slug).isEqualTo("ochen-dlinnyy-zagolovok-novosti-ochen-dlinnyy-zagolovok-novosti-ochen-dlinnyy")
                .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slugs.of("…!?")).isEqualTo("article");
    }
}
