package dev.newsdesk.ingest.clean;

import dev.newsdesk.site.Language;

/**
 * The alphabet a text is mostly written in, told by counting its letters: enough to tell the portal's two
 * languages apart without a detector library, and to know when a text is in neither.
 */
public enum Alphabet {

    CYRILLIC, LATIN, OTHER;

    /** The alphabet most of the letters of {@code text} belong to; OTHER when it has no letters. */
    public static Alphabet of(String text) {
        int cyrillic = 0;
        int latin = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case CYRILLIC -> cyrillic++;
                case LATIN -> latin++;
                default -> other++;
            }
        }
        if (other > cyrillic && other > latin || cyrillic + latin == 0) {
            return OTHER;
        }
        return cyrillic >= latin ? CYRILLIC : LATIN;
    }

    /** The portal's language written in this alphabet: Russian in Cyrillic, English in Latin, none in any other. */
    public Language language() {
        return switch (this) {
            case CYRILLIC -> Language.RU;
            case LATIN -> Language.EN;
            case OTHER -> null;
        };
    }
}
