package dev.newsdesk.account.web;

import dev.newsdesk.site.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may open the pages of accounts: a member's own account page, and the administrators' pages. */
@Configuration(proxyBeanMethods = false)
class AccountAccess {

    @Bean
    AccessRule accountPage() {
        return AccessRule.loggedIn("/account");
    }

    @Bean
    AccessRule users() {
        return AccessRule.roles("/admin/users", "ADMIN");
    }

    @Bean
    AccessRule audit() {
        return AccessRule.roles("/admin/audit", "ADMIN");
    }

    @Bean
    AccessRule undeliveredMail() {
        return AccessRule.roles("/admin/mail", "ADMIN");
    }
}
