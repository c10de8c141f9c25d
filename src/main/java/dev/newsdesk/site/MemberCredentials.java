package dev.newsdesk.site;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells whether a request carries a member's credentials (a session or remember-me cookie), so that the page
 * cache never serves it shared bytes nor keeps what is rendered for it. The module that logs members in
 * implements it; it must answer from the request alone, without the database.
 */
public interface MemberCredentials {

    boolean carries(HttpServletRequest request);
}
