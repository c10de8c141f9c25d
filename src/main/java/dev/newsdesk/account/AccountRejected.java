package dev.newsdesk.account;

import java.util.Map;

/**
 * A request about an account that cannot be carried out as given. {@link #problems()} maps each form field
 * (or {@code "form"}) to the key of a message that says what is wrong, in the reader's language.
 */
public class AccountRejected extends RuntimeException {

    private final Map<String, String> problems;

    public AccountRejected(Map<String, String> problems) {
        super(String.join(", ", problems.values()), null, false, false);
        this.problems = Map.copyOf(problems);
    }

    public AccountRejected(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
