package dev.newsdesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.Member;
import dev.newsdesk.account.Role;
import dev.newsdesk.site.Language;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where people become members and look after their accounts: sign-up and verification, password reset,
 * and changes of name, address and password. Whether an address is registered is never revealed: signing
 * up or asking for a reset with a known address gives the same answer as with an unknown one, and the mail
 * goes to that address's owner.
 */
@Service
public class Registry {

    /** Letters and digits of any script, spaces, dots, hyphens and underscores; no "@", so a name never looks like an address. */
    static final Pattern DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,38}[\\p{L}\\p{N}]");

    private final Accounts accounts;
    private final Tokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountMails mails;
    private final MemberSessions sessions;
    private final AccountSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registry(Accounts accounts, Tokens tokens, PasswordPolicy policy, PasswordEncoder encoder, AccountMails mails,
             MemberSessions sessions, AccountSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.mails = mails;
        this.sessions = sessions;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Signs a person up and mails them a verification link; when the address already has an account, mails
     * its owner instead. Either way the caller tells the person to look in their mailbox.
     */
    @Transactional
    public void signUp(String displayName, String email, String password, Language language) {
        String name = tidyName(displayName);
        String address = tidyEmail(email);
        Map<String, String> problems = new LinkedHashMap<>();
        collect(problems, () -> checkName(name, 0));
        collect(problems, () -> checkEmail(address));
        collect(problems, () -> policy.check("password", password, name, address));
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        String hash = encoder.encode(password);
        Optional<Accounts.Account> existing = accounts.findByEmail(address);
        if (existing.isPresent()) {
            mails.alreadyRegistered(existing.get().email(), existing.get().displayName(), existing.get().language());
            return;
        }
        Instant now = clock.instant();
        long id;
        try {
            id = accounts.insert(name, address, hash, language, now, null, EnumSet.of(Role.MEMBER));
        } catch (DuplicateKeyException e) {
            // The same name or address was taken a moment ago by another request.
            throw new AccountRejected("displayName", "account.error.nameTaken");
        }
        mails.verification(address, name, language, tokens.issue(Tokens.Purpose.VERIFY, id, address, now,
                settings.verificationValidity()));
    }

    /**
     * Follows a verification link: confirms the address it was sent to, which replaces the account's
     * address when it was a change. Empty when the link is unknown, used, expired or the address taken since.
     */
    @Transactional
    public Optional<Member> verify(String token) {
        Instant now = clock.instant();
        return tokens.redeem(token, Tokens.Purpose.VERIFY, now)
                .flatMap(redeemed -> accounts.find(redeemed.memberId()).flatMap(account -> {
                    if (Accounts.key(account.email()).equals(Accounts.key(redeemed.email()))) {
                        accounts.markVerified(account.id(), now);
                    } else if (accounts.emailTaken(redeemed.email(), account.id())) {
                        return Optional.empty();
                    } else {
                        accounts.changeEmail(account.id(), redeemed.email(), now);
                    }
                    return accounts.find(account.id()).map(Accounts.Account::member);
                }));
    }

    /**
     * Asks for a new verification link to an unverified account with this address, if there is one. Only the
     * request is recorded here, the same for any address; {@link #mailLink} does the rest.
     */
    @Transactional
    public void resendVerification(String email) {
        ask(LinkAsked.Kind.VERIFICATION, email);
    }

    /** Asks for a password-reset link to the account with this address, if there is one (see {@link #mailLink}). */
    @Transactional
    public void requestReset(String email) {
        ask(LinkAsked.Kind.RESET, email);
    }

    private void ask(LinkAsked.Kind kind, String email) {
        String address = tidyEmail(email);
        try {
            checkEmail(address);
        } catch (AccountRejected e) {
            // No account has such an address: nothing to look up, and the answer is the same.
            return;
        }
        events.publishEvent(new LinkAsked(kind, address));
    }

    /**
     * Mails the link that was asked for, after the request has been answered: a reset link to the account with
     * the address, or a new verification link to an unverified one; nothing when there is no such account.
     * Recorded in the event publication registry, so that a restart does not lose it.
     */
    @ApplicationModuleListener
    void mailLink(LinkAsked asked) {
        Optional<Accounts.Account> found = accounts.findByEmail(asked.email());
        Instant now = clock.instant();
        switch (asked.kind()) {
            case RESET -> found.ifPresent(account -> {
                tokens.revoke(account.id(), Tokens.Purpose.RESET, now);
                mails.passwordReset(account.email(), account.displayName(), account.language(),
                        tokens.issue(Tokens.Purpose.RESET, account.id(), null, now, settings.resetValidity()));
            });
            case VERIFICATION -> found.filter(account -> account.verifiedAt() == null).ifPresent(account -> {
                tokens.revoke(account.id(), Tokens.Purpose.VERIFY, now);
                mails.verification(account.email(), account.displayName(), account.language(), tokens.issue(
                        Tokens.Purpose.VERIFY, account.id(), account.email(), now, settings.verificationValidity()));
            });
        }
    }

    /** Whether a verification link still works, to show its button. */
    public boolean isVerificationLinkValid(String token) {
        return tokens.isValid(token, Tokens.Purpose.VERIFY, clock.instant());
    }

    /** Whether a reset link still works, to show its form. */
    public boolean isResetLinkValid(String token) {
        return tokens.isValid(token, Tokens.Purpose.RESET, clock.instant());
    }

    /**
     * Follows a password-reset link: sets the new password and ends every session of the account. A
     * refused password rolls everything back, the link included, which stays usable.
     *
     * @return false when the link is unknown, used or expired
     */
    @Transactional
    public boolean resetPassword(String token, String password) {
        Instant now = clock.instant();
        Optional<Tokens.Redeemed> redeemed = tokens.redeem(token, Tokens.Purpose.RESET, now);
        if (redeemed.isEmpty()) {
            return false;
        }
        Accounts.Account account = accounts.find(redeemed.get().memberId()).orElseThrow();
        policy.check("password", password, account.displayName(), account.email());
        accounts.changePassword(account.id(), encoder.encode(password));
        passwordChanged(account.id(), null, now);
        // An unverified address is now proven.
        if (account.verifiedAt() == null) {
            accounts.markVerified(account.id(), now);
        }
        return true;
    }

    @Transactional
    public void changeDisplayName(long memberId, String displayName) {
        String name = tidyName(displayName);
        checkName(name, memberId);
        try {
            accounts.changeDisplayName(memberId, name);
        } catch (DuplicateKeyException e) {
            throw new AccountRejected("displayName", "account.error.nameTaken");
        }
    }

    /**
     * Mails a link to the new address; the account keeps the old one until the link is followed. The old
     * address is told, without a link that completes the change.
     */
    @Transactional
    public void requestEmailChange(long memberId, String currentPassword, String newEmail) {
        Accounts.Account account = checkedPassword(memberId, currentPassword);
        String address = tidyEmail(newEmail);
        checkEmail(address);
        if (accounts.emailTaken(address, memberId)) {
            // Said of the new address only to a member who proved their password.
            throw new AccountRejected("email", "account.error.emailTaken");
        }
        Instant now = clock.instant();
        tokens.revoke(memberId, Tokens.Purpose.VERIFY, now);
        mails.verification(address, account.displayName(), account.language(),
                tokens.issue(Tokens.Purpose.VERIFY, memberId, address, now, settings.verificationValidity()));
        // The owner learns of it at the address they have, in case it is not them asking.
        mails.addressChanging(account.email(), account.displayName(), account.language(), address);
    }

    /** Changes the password and ends the member's other sessions. */
    @Transactional
    public void changePassword(long memberId, String currentPassword, String newPassword, String currentSession) {
        Accounts.Account account = checkedPassword(memberId, currentPassword);
        policy.check("newPassword", newPassword, account.displayName(), account.email());
        accounts.changePassword(memberId, encoder.encode(newPassword));
        passwordChanged(memberId, currentSession, clock.instant());
    }

    /**
     * Whoever knew the old password loses every way in: their sessions, remember-me tokens, and the links
     * they may have asked for, an address change above all (completed later, it would hand them the account).
     */
    private void passwordChanged(long memberId, String keepSession, Instant now) {
        sessions.endAllBut(memberId, keepSession);
        tokens.revokeAllOf(memberId, now);
    }

    private Accounts.Account checkedPassword(long memberId, String password) {
        Accounts.Account account = accounts.find(memberId).orElseThrow();
        if (password == null || !encoder.matches(password, account.passwordHash())) {
            throw new AccountRejected("currentPassword", "account.error.wrongPassword");
        }
        return account;
    }

    private void checkName(String name, long memberId) {
        if (name == null || !DISPLAY_NAME.matcher(name).matches()) {
            throw new AccountRejected("displayName", "account.error.name");
        }
        if (accounts.displayNameTaken(name, memberId)) {
            throw new AccountRejected("displayName", "account.error.nameTaken");
        }
    }

    static void checkEmail(String email) {
        try {
            if (email == null || email.length() > 254) {
                throw new AddressException();
            }
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (!address.getAddress().equals(email) || !email.contains("@") || !email.substring(email.indexOf('@')).contains(".")) {
                throw new AddressException();
            }
        } catch (AddressException e) {
            throw new AccountRejected("email", "account.error.email");
        }
    }

    static String tidyName(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }

    static String tidyEmail(String email) {
        return email == null ? null : email.strip();
    }

    private static void collect(Map<String, String> problems, Runnable check) {
        try {
            check.run();
        } catch (AccountRejected e) {
            e.problems().forEach(problems::putIfAbsent);
        }
    }
}
