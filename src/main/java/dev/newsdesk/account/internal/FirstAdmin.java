package dev.newsdesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.Role;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator. While the portal has none, each start writes a one-time setup link to
 * the log, and nowhere else: whoever can read the operator's log may follow it once, to create an
 * administrator account. Once one exists, every such link stops working; from then on only an
 * administrator makes another.
 */
@Component
public class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final Tokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountSettings settings;
    private final SiteSettings site;
    private final Clock clock;

    FirstAdmin(Accounts accounts, Tokens tokens, PasswordPolicy policy, PasswordEncoder encoder, AccountSettings settings,
               SiteSettings site, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.settings = settings;
        this.site = site;
        this.clock = clock;
    }

    /** Writes the setup link to the log when there is no administrator. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void offerSetupLink() {
        if (accounts.countWithRole(Role.ADMIN) > 0) {
            return;
        }
        Instant now = clock.instant();
        // Only the link of the latest start works.
        tokens.revokeAll(Tokens.Purpose.SETUP, now);
        String token = tokens.issue(Tokens.Purpose.SETUP, null, null, now, settings.setupValidity());
        log.warn("There is no administrator yet. Create the first one, once, at {} (this link is written only to "
                + "this log and works for {} hours)", site.absolute("/setup/" + token), settings.setupValidity().toHours());
    }

    /** Whether the setup page may be shown for this link. */
    public boolean isOpen(String token) {
        return accounts.countWithRole(Role.ADMIN) == 0 && tokens.isValid(token, Tokens.Purpose.SETUP, clock.instant());
    }

    /**
     * Creates the first administrator (verified: the operator vouches for the address) and uses up the link.
     *
     * @return false when the link no longer works or an administrator exists already
     */
    @Transactional
    public boolean create(String token, String displayName, String email, String password, Language language) {
        if (!isOpen(token)) {
            return false;
        }
        String name = Registry.tidyName(displayName);
        String address = Registry.tidyEmail(email);
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || !Registry.DISPLAY_NAME.matcher(name).matches()) {
            problems.put("displayName", "account.error.name");
        }
        try {
            Registry.checkEmail(address);
        } catch (AccountRejected e) {
            problems.putAll(e.problems());
        }
        try {
            policy.check("password", password, name, address);
        } catch (AccountRejected e) {
            problems.putAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        Instant now = clock.instant();
        if (tokens.redeem(token, Tokens.Purpose.SETUP, now).isEmpty()) {
            return false;
        }
        accounts.insert(name, address, encoder.encode(password), language, now, now, EnumSet.of(Role.MEMBER, Role.ADMIN));
        tokens.revokeAll(Tokens.Purpose.SETUP, now);
        log.info("The first administrator, {}, was created through the setup link", name);
        return true;
    }
}
