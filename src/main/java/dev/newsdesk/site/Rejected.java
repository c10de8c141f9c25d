package dev.newsdesk.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be carried out as given. {@link #problems()} maps each form field (or {@link #FORM}
 * for the form as a whole) to the key of a message that says what is wrong; every module's refusal is one of
 * these, and every form shows it the same way, each message beside its field in the reader's language.
 */
public class Rejected extends RuntimeException {

    /** The "field" of a problem with the form as a whole. */
    public static final String FORM = "form";

    private final Map<String, String> problems;

    public Rejected(Map<String, String> problems) {
        super(problems.toString(), null, false, false);
        this.problems = Map.copyOf(problems);
    }

    public Rejected(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    /** Each field refused, with the key of the message that says why. */
    public Map<String, String> problems() {
        return problems;
    }

    /** Each field refused, with the message that says why in the language of {@code texts}. */
    public Map<String, String> messages(Texts texts) {
        Map<String, String> messages = new LinkedHashMap<>();
        problems.forEach((field, key) -> messages.put(field, texts.get(key)));
        return messages;
    }
}
