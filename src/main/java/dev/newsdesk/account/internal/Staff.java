package dev.newsdesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts: grant and take away roles, ban and unban. Every action is
 * recorded in the {@link StaffAudit} with who did it. The portal never loses its last administrator.
 */
@Service
public class Staff {

    private final Accounts accounts;
    private final StaffAudit audit;
    private final MemberSessions sessions;
    private final Clock clock;

    Staff(Accounts accounts, StaffAudit audit, MemberSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Gives the member exactly {@code roles} (and MEMBER, which every account has); they apply from the next login. */
    @Transactional
    public void setRoles(long adminId, long memberId, Set<Role> roles) {
        Accounts.Account account = accounts.find(memberId).orElseThrow(() -> new AccountRejected("form", "admin.error.noSuchMember"));
        Set<Role> granted = EnumSet.of(Role.MEMBER);
        granted.addAll(roles);
        if (account.roles().contains(Role.ADMIN) && !granted.contains(Role.ADMIN)
                && accounts.countWithRole(Role.ADMIN) <= 1) {
            throw new AccountRejected("form", "admin.error.lastAdmin");
        }
        if (granted.equals(account.roles())) {
            return;
        }
        accounts.setRoles(memberId, granted);
        // Sessions carry the roles they were opened with: end them, so the change holds everywhere at once.
        sessions.endAllBut(memberId, null);
        audit.record(adminId, memberId, "ROLES", String.join(", ", MemberPrincipal.roleNames(granted)), clock.instant());
    }

    /** Bans a member: they are logged out everywhere and cannot log in; they are told {@code reason}. */
    @Transactional
    public void ban(long adminId, long memberId, String reason) {
        if (adminId == memberId) {
            throw new AccountRejected("form", "admin.error.banSelf");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new AccountRejected("reason", "admin.error.banReason");
        }
        Accounts.Account account = accounts.find(memberId).orElseThrow(() -> new AccountRejected("form", "admin.error.noSuchMember"));
        if (account.roles().contains(Role.ADMIN) && accounts.countWithRole(Role.ADMIN) <= 1) {
            throw new AccountRejected("form", "admin.error.lastAdmin");
        }
        Instant now = clock.instant();
        accounts.ban(memberId, why, now);
        sessions.endAllBut(memberId, null);
        audit.record(adminId, memberId, "BAN", why, now);
    }

    @Transactional
    public void unban(long adminId, long memberId) {
        accounts.find(memberId).orElseThrow(() -> new AccountRejected("form", "admin.error.noSuchMember"));
        accounts.unban(memberId);
        audit.record(adminId, memberId, "UNBAN", null, clock.instant());
    }

    public List<Accounts.Account> search(String query, int offset, int limit) {
        return accounts.search(query, offset, limit);
    }

    public List<StaffAudit.Entry> audit(int limit) {
        return audit.latest(limit);
    }
}
