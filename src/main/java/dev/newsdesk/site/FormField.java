package dev.newsdesk.site;

import java.util.List;

/**
 * A field of a form, as {@code site/field.jte} draws it: an input of {@code type} (text, email, password,
 * url, number), a {@code textarea}, a {@code select} of {@code options}, or a {@code checkbox} (ticked
 * when {@code value} is "true").
 */
public record FormField(String name, String label, String type, String value, String autocomplete, String help,
                        List<Option> options) {

    /** A choice of a select field. */
    public record Option(String value, String label) {
    }

    public static FormField input(String name, String label, String type, String value, String autocomplete, String help) {
        return new FormField(name, label, type, value, autocomplete, help, List.of());
    }

    public static FormField select(String name, String label, String value, List<Option> options, String help) {
        return new FormField(name, label, "select", value, null, help, options);
    }

    public static FormField checkbox(String name, String label, boolean checked, String help) {
        return new FormField(name, label, "checkbox", Boolean.toString(checked), null, help, List.of());
    }

    public static FormField textarea(String name, String label, String value, String help) {
        return new FormField(name, label, "textarea", value, null, help, List.of());
    }

    public boolean checked() {
        return "true".equals(value);
    }
}
