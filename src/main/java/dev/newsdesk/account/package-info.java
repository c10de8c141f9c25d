/**
 * Members and staff: sign-up with e-mail verification, login, password reset, roles, bans, the first
 * administrator, and the security configuration of the whole site.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account", allowedDependencies = {"site", "mail"})
package dev.newsdesk.account;
