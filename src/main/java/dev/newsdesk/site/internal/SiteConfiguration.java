package dev.newsdesk.site.internal;

import java.util.List;

import dev.newsdesk.site.MemberCredentials;
import dev.newsdesk.site.PageHits;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteSettings;
import dev.newsdesk.site.Templates;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteSettings.class)
class SiteConfiguration implements WebMvcConfigurer {

    /**
     * Right after Spring's character encoding filter ({@link Ordered#HIGHEST_PRECEDENCE}) and Boot's request
     * observation, and before Spring Session's repository filter ({@code Integer.MIN_VALUE + 50}).
     */
    static final int SHARED_PAGE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

    /** Templates are compiled at build time ({@code jte-maven-plugin}); nothing is compiled while serving. */
    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    /**
     * The interface strings: {@code messages_ru.properties} and {@code messages_en.properties}, in UTF-8.
     * There is deliberately no language-neutral {@code messages.properties}: a missing key fails loudly.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** Refuses unusable characters in any request's parameters before any other filter reads them. */
    @Bean
    FilterRegistrationBean<InputGuard> inputGuard(Pages pages, Templates templates) {
        FilterRegistrationBean<InputGuard> registration = new FilterRegistrationBean<>(new InputGuard(pages, templates));
        // After the session (the page may name the member), before security and everything that reads parameters.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * Serves anonymous readers kept pages before anything else reads the request: after the character encoding
     * (the forwarded client address and scheme are Tomcat's, set before any filter), before the session, the
     * input guard, Spring Security and MVC, none of which a kept page needs.
     */
    @Bean
    FilterRegistrationBean<SharedPageFilter> sharedPageFilter(RenderedPages pages, List<MemberCredentials> credentials,
                                                              List<PageHits> hits, SiteSettings settings) {
        FilterRegistrationBean<SharedPageFilter> registration =
                new FilterRegistrationBean<>(new SharedPageFilter(pages, credentials, hits, settings));
        registration.setOrder(SHARED_PAGE_FILTER_ORDER);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new LanguageArgumentResolver());
    }
}
