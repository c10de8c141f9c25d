package dev.newsdesk.account;

import java.util.Optional;

import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.account.internal.MemberPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Who the members are, and who is logged in on the current request. */
@Service
public class Members {

    private final Accounts accounts;

    Members(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Member> find(long id) {
        return accounts.find(id).map(Accounts.Account::member);
    }

    /** The member the current request is logged in as; empty for a guest. Reads the account afresh. */
    public Optional<Member> current() {
        return currentId().flatMap(this::find);
    }

    /** The id of the member logged in on the current request, without reading the database. */
    public Optional<Long> currentId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            return Optional.of(principal.id());
        }
        return Optional.empty();
    }
}
