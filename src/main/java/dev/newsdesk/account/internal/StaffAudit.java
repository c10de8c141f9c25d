package dev.newsdesk.account.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of what staff did to accounts: who, what, to whom, when. Append-only. */
@Repository
public class StaffAudit {

    private final JdbcClient jdbc;

    StaffAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One recorded action, with the names as they are now. */
    public record Entry(Instant at, Long actorId, String actor, Long targetId, String target, String action,
                        String detail) {
    }

    public void record(Long actorId, Long targetId, String action, String detail, Instant at) {
        jdbc.sql("INSERT INTO account_audit (actor_id, target_id, action, detail, at) VALUES (?, ?, ?, ?, ?)")
                .params(actorId, targetId, action, detail, Accounts.utc(at))
                .update();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                        SELECT a.at, a.actor_id, actor.display_name, a.target_id, target.display_name, a.action, a.detail
                        FROM account_audit a
                        LEFT JOIN member actor ON actor.id = a.actor_id
                        LEFT JOIN member target ON target.id = a.target_id
                        ORDER BY a.at DESC, a.id DESC LIMIT ?""")
                .param(limit)
                .query((rs, row) -> new Entry(Accounts.instant(rs, "at"), (Long) rs.getObject(2, Long.class),
                        rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
