package dev.newsdesk.account.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds the account a login form names (by e-mail or display name) or a remember-me token names (by id), and
 * stores the new hash when a login upgrades an old one (bcrypt to Argon2id).
 */
@Component
public class MemberLogin implements UserDetailsPasswordService {

    private final Accounts accounts;

    MemberLogin(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        if (user instanceof MemberPrincipal member) {
            accounts.changePassword(member.id(), newPasswordHash);
        }
        return user;
    }

    /** For the login form: the login is an e-mail address or a display name. */
    public UserDetailsService byLogin() {
        return login -> accounts.findByLogin(login).map(MemberPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }

    /** For remember-me and sessions: the username is the member's id. */
    public UserDetailsService byId() {
        return id -> {
            UserDetails principal;
            try {
                principal = accounts.find(Long.parseLong(id)).map(MemberPrincipal::new).orElse(null);
            } catch (NumberFormatException e) {
                principal = null;
            }
            if (principal == null) {
                throw new UsernameNotFoundException("no account");
            }
            return principal;
        };
    }
}
