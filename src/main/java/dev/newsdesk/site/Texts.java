package dev.newsdesk.site;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The interface strings of the site in one language, from {@code messages_ru} and {@code messages_en}.
 */
public final class Texts {

    private final MessageSource messages;
    private final Locale locale;

    Texts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String get(String key) {
        return messages.getMessage(key, null, locale);
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The string for {@code key}, or {@code fallback} where the bundles have none. */
    public String getOrDefault(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
