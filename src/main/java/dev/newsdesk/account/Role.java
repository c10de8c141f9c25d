package dev.newsdesk.account;

/** What a person may do on the portal; a person can hold several roles. Every account is a MEMBER. */
public enum Role {
    /** Comments, votes and reports once the e-mail address is verified. */
    MEMBER,
    /** Sources, rubrics, articles and the mention catalogue. */
    EDITOR,
    /** The comment queue, reports and bans of commenters. */
    MODERATOR,
    /** Users, roles and settings. */
    ADMIN;

    public boolean isStaff() {
        return this != MEMBER;
    }
}
