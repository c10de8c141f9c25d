package dev.newsdesk.account.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.newsdesk.account.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A member as Spring Security holds them in a session. The username is the member's id, which stays the
 * same when they change their display name or address; the password hash is dropped after login.
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer {

    private final long id;
    private final Set<Role> roles;
    private final boolean banned;
    private String passwordHash;

    MemberPrincipal(Accounts.Account account) {
        this.id = account.id();
        this.roles = Set.copyOf(account.roles());
        this.banned = account.bannedAt() != null;
        this.passwordHash = account.passwordHash();
    }

    public long id() {
        return id;
    }

    /** Whether the member is an editor, moderator or administrator. */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return Long.toString(id);
    }

    @Override
    public boolean isAccountNonLocked() {
        return !banned;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    static List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
