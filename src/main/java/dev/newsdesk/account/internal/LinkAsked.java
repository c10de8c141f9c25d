package dev.newsdesk.account.internal;

/**
 * Someone asked for a link to be mailed to {@code email}: a password reset, or a new verification link. The
 * request only records this; whether the address has an account is looked up afterwards, in the background,
 * so that the answer takes as long for a known address as for an unknown one.
 */
public record LinkAsked(Kind kind, String email) {

    /** Which link was asked for. */
    public enum Kind { RESET, VERIFICATION }
}
