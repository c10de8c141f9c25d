package dev.newsdesk.account.internal;

import dev.newsdesk.site.MemberCredentials;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A request carries a member's credentials when it carries the session cookie or the remember-me cookie; only
 * a member has either (a reader gets no session). Read from the cookies alone: whether they are still valid is
 * for Spring Security to find out, on the member's path.
 */
@Component
class MemberCookies implements MemberCredentials {

    private final String sessionCookie;

    MemberCookies(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public boolean carries(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(sessionCookie) || cookie.getName().equals(MemberRememberMe.COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
