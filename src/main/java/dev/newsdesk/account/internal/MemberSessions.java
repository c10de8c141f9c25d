package dev.newsdesk.account.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions a member is logged in with, on every node (they live in the database), and their
 * remember-me tokens: listed on the account page, ended by "log out everywhere", a password reset or a ban.
 */
@Component
public class MemberSessions {

    /** Session attributes set at login, to show the member where each session comes from. */
    public static final String DEVICE = "newsdesk.device";
    public static final String ADDRESS = "newsdesk.address";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final RememberMeTokens rememberMe;

    MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions, RememberMeTokens rememberMe) {
        this.sessions = sessions;
        this.rememberMe = rememberMe;
    }

    /** A session as the account page shows it. */
    public record SessionInfo(String id, Instant started, Instant lastSeen, String device, String address) {
    }

    public List<SessionInfo> of(long memberId) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(Long.toString(memberId));
        return found.values().stream()
                .map(session -> new SessionInfo(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
                        session.getAttribute(DEVICE), session.getAttribute(ADDRESS)))
                .sorted(Comparator.comparing(SessionInfo::lastSeen).reversed())
                .toList();
    }

    /** Ends every session and remember-me token of the member except the session {@code keep} (may be null). */
    public void endAllBut(long memberId, String keep) {
        for (String id : sessions.findByPrincipalName(Long.toString(memberId)).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
            }
        }
        rememberMe.endAll(memberId);
    }
}
