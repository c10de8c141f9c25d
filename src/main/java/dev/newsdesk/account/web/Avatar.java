package dev.newsdesk.account.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A picture for a member without any picture service: their initials on a colour of their own, which
 * follows from their id so that it never changes.
 */
public record Avatar(String initials, int hue) {

    static Avatar of(long memberId, String displayName) {
        String initials = Arrays.stream(displayName.split("[ ._-]+"))
                .filter(part -> !part.isEmpty())
                .limit(2)
                .map(part -> part.substring(0, part.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining());
        return new Avatar(initials.isEmpty() ? "?" : initials, (int) Math.floorMod(memberId * 47, 360L));
    }

    /** The fill colour, dark enough for white letters. */
    public String colour() {
        return "hsl(" + hue + " 45% 35%)";
    }
}
