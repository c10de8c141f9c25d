package dev.newsdesk.ingest.clean;

import dev.newsdesk.site.Language;

/**
 * The alphabet a text is mostly written in, told by counting its letters: enough to tell the portal's two
 * languages apart without a detector library.
 */
public enum Alphabet {

    CYRILLIC, LATIN;

    /** The alphabet most of the letters of {@code text} belong to. */
    public static Alphabet of(String text) {
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
        return cyrillic >= latin ? CYRILLIC : LATIN;
    }

    /** The portal's language written in this alphabet: Russian in Cyrillic, English in Latin. */
    public Language language() {
        return this == CYRILLIC ? Language.RU : Language.EN;
    }
}
