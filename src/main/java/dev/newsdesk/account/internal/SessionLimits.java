package dev.newsdesk.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import dev.newsdesk.account.AccountSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a session lasts. Spring Session ends a session left unused for its idle time: a member's is
 * {@code server.servlet.session.timeout}, and a staff member's is cut to {@link AccountSettings#staffIdleTimeout()}
 * at login (and on any older session that still has more). Whatever its use, a session ends
 * {@link AccountSettings#sessionLifetime()} after the password login it goes back to (a remembered login counts
 * from the login that started the series): this filter ends it before the login it holds is read.
 */
class SessionLimits extends OncePerRequestFilter {

    /** Session attribute: when the password was typed that the session goes back to, in epoch milliseconds. */
    static final String LOGGED_IN_AT = "newsdesk.loggedInAt";

    private final AccountSettings settings;
    private final Clock clock;

    SessionLimits(AccountSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (loggedInAt(session).plus(settings.sessionLifetime()).isBefore(clock.instant())) {
                session.invalidate();
            } else if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context) {
                fit(session, context.getAuthentication());
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * When the member typed the password that this session goes back to: the login itself, or for a session
     * that "remember me" opened, the login that started the remembered series.
     */
    private static Instant loggedInAt(HttpSession session) {
        return session.getAttribute(LOGGED_IN_AT) instanceof Long millis ? Instant.ofEpochMilli(millis)
                : Instant.ofEpochMilli(session.getCreationTime());
    }

    /** Gives the session of a staff member their shorter idle time. */
    void fit(HttpSession session, Authentication login) {
        int staffIdle = (int) settings.staffIdleTimeout().toSeconds();
        if (login != null && login.getPrincipal() instanceof MemberPrincipal member && member.isStaff()
                && (session.getMaxInactiveInterval() <= 0 || session.getMaxInactiveInterval() > staffIdle)) {
            session.setMaxInactiveInterval(staffIdle);
        }
    }
}
