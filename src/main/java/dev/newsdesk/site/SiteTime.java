package dev.newsdesk.site;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Shows stored UTC instants to readers in the site's time zone, in the formats of the portal:
 * {@code 27.01 00:05} in lists and {@code 6 января 2022, 14:05} on an article.
 */
@Component
public class SiteTime {

    private final DateTimeFormatter listFormat;
    private final DateTimeFormatter isoFormat;
    private final Map<Language, DateTimeFormatter> fullFormats = new EnumMap<>(Language.class);
    private final Map<Language, DateTimeFormatter> dateFormats = new EnumMap<>(Language.class);

    public SiteTime(SiteSettings settings) {
        this.listFormat = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(settings.zone());
        this.isoFormat = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(settings.zone());
        fullFormats.put(Language.RU, DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Language.RU.locale()).withZone(settings.zone()));
        fullFormats.put(Language.EN, DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Language.EN.locale()).withZone(settings.zone()));
        dateFormats.put(Language.RU, DateTimeFormatter.ofPattern("d MMMM yyyy", Language.RU.locale()).withZone(settings.zone()));
        dateFormats.put(Language.EN, DateTimeFormatter.ofPattern("d MMMM yyyy", Language.EN.locale()).withZone(settings.zone()));
    }

    /** Day, month and time, as in news lists: {@code 27.01 00:05}. */
    public String inList(Instant instant) {
        return listFormat.format(instant);
    }

    /** The full date and time, as under a headline: {@code 6 января 2022, 14:05}. */
    public String full(Instant instant, Language language) {
        return fullFormats.get(language).format(instant);
    }

    /** The date alone, in words: {@code 6 января 2022}. */
    public String date(Instant instant, Language language) {
        return dateFormats.get(language).format(instant);
    }

    /** Machine-readable time for {@code datetime} attributes and metadata. */
    public String iso(Instant instant) {
        return isoFormat.format(instant);
    }
}
