package dev.newsdesk.account;

import java.util.Map;

import dev.newsdesk.site.Rejected;

/** A request about an account that cannot be carried out as given, field by field. */
public class AccountRejected extends Rejected {

    public AccountRejected(Map<String, String> problems) {
        super(problems);
    }

    public AccountRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
