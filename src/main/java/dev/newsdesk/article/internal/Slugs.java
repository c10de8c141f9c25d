package dev.newsdesk.article.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the readable part of an article's address from its title, transliterating Cyrillic to Latin
 * ("Минобороны получило Су-57" becomes {@code minoborony-poluchilo-su-57}).
 */
public final class Slugs {

    static final int MAX_LENGTH = 80;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('є', "ye"),
            Map.entry('ґ', "g"), Map.entry('ў', "u"));

    private Slugs() {
    }

    public static String of(String title) {
        String text = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder slug = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String latin = CYRILLIC.get(c);
            if (latin != null) {
                slug.append(latin);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
            } else {
                String stripped = stripAccents(c);
                if (stripped != null) {
                    slug.append(stripped);
                } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                    slug.append('-');
                }
            }
        }
        return shorten(slug);
    }

    /** A Latin letter with diacritics without them ("é" is "e"); null for anything else. */
    private static String stripAccents(char c) {
        if (!Character.isLetter(c)) {
            return null;
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return base.length() == 1 && base.charAt(0) >= 'a' && base.charAt(0) <= 'z' ? base : null;
    }

    private static String shorten(StringBuilder slug) {
        int end = slug.length();
        while (end > 0 && slug.charAt(end - 1) == '-') {
            end--;
        }
        if (end > MAX_LENGTH) {
            int cut = slug.lastIndexOf("-", MAX_LENGTH);
            end = cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH;
        }
        String result = slug.substring(0, end);
        return result.isEmpty() ? "article" : result;
    }
}
