package dev.newsdesk.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.newsdesk.account.Member;
import dev.newsdesk.account.Role;
import dev.newsdesk.site.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The member table and roles. Display names and e-mail addresses are unique regardless of case; both
 * serve to log in.
 */
@Repository
public class Accounts {

    private static final String COLUMNS = "id, display_name, email, password_hash, lang, verified_at, banned_at, "
            + "ban_reason, created_at";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member as stored, with the password hash that only login may see. */
    public record Account(long id, String displayName, String email, String passwordHash, Language language,
                          Instant verifiedAt, Instant bannedAt, String banReason, Instant createdAt, Set<Role> roles) {

        public Member member() {
            return new Member(id, displayName, email, language, roles, verifiedAt != null,
                    bannedAt == null ? null : (banReason == null ? "" : banReason), createdAt);
        }
    }

    public static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    public long insert(String displayName, String email, String passwordHash, Language language, Instant now,
                       Instant verifiedAt, Set<Role> roles) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO member (display_name, display_name_key, email, email_key, password_hash, lang,
                            verified_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(displayName, key(displayName), email, key(email), passwordHash, language.code(),
                        utc(verifiedAt), utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        setRoles(id, roles);
        return id;
    }

    public Optional<Account> find(long id) {
        return one("SELECT " + COLUMNS + " FROM member WHERE id = ?", id);
    }

    /** The account logged in to by {@code login}, an e-mail address or a display name. */
    public Optional<Account> findByLogin(String login) {
        String key = key(login);
        return one("SELECT " + COLUMNS + " FROM member WHERE " + (key.contains("@") ? "email_key" : "display_name_key")
                + " = ?", key);
    }

    public Optional<Account> findByEmail(String email) {
        return one("SELECT " + COLUMNS + " FROM member WHERE email_key = ?", key(email));
    }

    public boolean displayNameTaken(String displayName, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM member WHERE display_name_key = ? AND id <> ?")
                .params(key(displayName), exceptId).query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM member WHERE email_key = ? AND id <> ?")
                .params(key(email), exceptId).query(Long.class).single() > 0;
    }

    public void markVerified(long id, Instant at) {
        jdbc.sql("UPDATE member SET verified_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    /** Replaces the address with a newly verified one. */
    public void changeEmail(long id, String email, Instant verifiedAt) {
        jdbc.sql("UPDATE member SET email = ?, email_key = ?, verified_at = ? WHERE id = ?")
                .params(email, key(email), utc(verifiedAt), id).update();
    }

    public void changeDisplayName(long id, String displayName) {
        jdbc.sql("UPDATE member SET display_name = ?, display_name_key = ? WHERE id = ?")
                .params(displayName, key(displayName), id).update();
    }

    public void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE member SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    public void ban(long id, String reason, Instant at) {
        jdbc.sql("UPDATE member SET banned_at = ?, ban_reason = ? WHERE id = ?").params(utc(at), reason, id).update();
    }

    public void unban(long id) {
        jdbc.sql("UPDATE member SET banned_at = NULL, ban_reason = NULL WHERE id = ?").param(id).update();
    }

    public void setRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM member_role WHERE member_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO member_role (member_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
    }

    public long countWithRole(Role role) {
        return jdbc.sql("SELECT count(*) FROM member_role r JOIN member m ON m.id = r.member_id "
                        + "WHERE r.role = ? AND m.banned_at IS NULL")
                .param(role.name()).query(Long.class).single();
    }

    /** Accounts whose name or address contains {@code query} (all when blank), newest first. */
    public List<Account> search(String query, int offset, int limit) {
        String pattern = "%" + (query == null ? "" : key(query).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_")) + "%";
        List<Account> found = jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE display_name_key LIKE ? ESCAPE '\\' "
                        + "OR email_key LIKE ? ESCAPE '\\' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pattern, pattern, limit, offset)
                .query((rs, row) -> account(rs, Set.of()))
                .list();
        return withRoles(found);
    }

    private Optional<Account> one(String sql, Object argument) {
        List<Account> found = withRoles(jdbc.sql(sql).param(argument).query((rs, row) -> account(rs, Set.of())).list());
        return found.stream().findFirst();
    }

    private List<Account> withRoles(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return accounts;
        }
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        accounts.forEach(account -> roles.put(account.id(), EnumSet.noneOf(Role.class)));
        jdbc.sql("SELECT member_id, role FROM member_role WHERE member_id IN (:ids)")
                .param("ids", roles.keySet())
                .query((rs, row) -> roles.get(rs.getLong(1)).add(Role.valueOf(rs.getString(2))))
                .list();
        List<Account> complete = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            complete.add(new Account(a.id(), a.displayName(), a.email(), a.passwordHash(), a.language(), a.verifiedAt(),
                    a.bannedAt(), a.banReason(), a.createdAt(), Set.copyOf(roles.get(a.id()))));
        }
        return complete;
    }

    private static Account account(ResultSet rs, Set<Role> roles) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("password_hash"), Language.ofCode(rs.getString("lang")), instant(rs, "verified_at"),
                instant(rs, "banned_at"), rs.getString("ban_reason"), instant(rs, "created_at"), roles);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
