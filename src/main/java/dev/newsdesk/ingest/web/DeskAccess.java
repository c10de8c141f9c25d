package dev.newsdesk.ingest.web;

import dev.newsdesk.site.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The editors' desk for sources and feeds opens to editors and administrators. */
@Configuration(proxyBeanMethods = false)
class DeskAccess {

    @Bean
    AccessRule sourceDesk() {
        return AccessRule.roles("/admin/sources", "EDITOR", "ADMIN");
    }
}
