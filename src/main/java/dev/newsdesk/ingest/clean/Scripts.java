package dev.newsdesk.ingest.clean;

import dev.newsdesk.site.Language;

/** Tells Russian from English text by counting Cyrillic and Latin letters: no detector library needed for two languages. */
public final class Scripts {

    private Scripts() {
    }

    public static Language languageOf(String text) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        return cyrillic >= latin ? Language.RU : Language.EN;
    }
}
