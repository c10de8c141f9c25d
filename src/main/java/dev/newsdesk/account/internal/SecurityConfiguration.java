package dev.newsdesk.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.account.Role;
import dev.newsdesk.site.AccessRule;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SiteSettings;
import dev.newsdesk.site.Templates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The security of the whole site. Pages are public, except those a module guards with an {@link AccessRule};
 * the admin area needs a staff role in any case. Forms carry CSRF tokens, kept in a signed cookie
 * ({@link SignedCsrfCookie}), and a POST from another site is refused on its {@code Origin} ({@link SameOriginPosts});
 * a login gets a new session id; sessions live in the database (Spring Session JDBC) and "remember me" in hashed
 * persistent series, so every node knows a logged-in member. Anonymous readers get no session at all, forms and a
 * refused login included, which keeps them off the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountSettings.class)
class SecurityConfiguration {

    /** The admin area, open to every staff role unless a module's rule says otherwise for its part of it. */
    static final AccessRule ADMIN_AREA = new AccessRule("/admin", Arrays.stream(Role.values()).filter(Role::isStaff)
            .map(Role::name).collect(Collectors.toSet()));

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * Argon2id for new hashes, behind a delegating encoder so that stored hashes say their algorithm: the bcrypt
     * hashes of before still log in, and are replaced by Argon2id ones as they do ({@link MemberLogin}). Argon2
     * takes the whole password, where bcrypt reads 72 bytes (about 37 Cyrillic letters) and refuses more.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        PasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return new DelegatingPasswordEncoder(argon2, Map.of(
                argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new PasswordEncoder() {
                    @Override
                    public String encode(CharSequence rawPassword) {
                        return bcrypt.encode(rawPassword);
                    }

                    @Override
                    public boolean matches(CharSequence rawPassword, String encodedPassword) {
                        // No bcrypt hash was ever made of a longer password, and bcrypt would throw on one.
                        return rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                                && bcrypt.matches(rawPassword, encodedPassword);
                    }
                }));
    }

    @Bean
    AuthenticationManager authenticationManager(MemberLogin login, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(login.byLogin());
        provider.setPasswordEncoder(encoder);
        provider.setUserDetailsPasswordService(login);
        // A ban is checked only after the password, so that only the account's owner learns of it.
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("banned");
            }
        });
        return new ProviderManager(provider);
    }

    @Bean
    RememberMeServices rememberMeServices(MemberLogin login, RememberMeTokens tokens, AccountSettings settings, Clock clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new MemberRememberMe(Base64.getEncoder().encodeToString(key), login, tokens, settings, clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RememberMeServices rememberMe, AccountSettings settings,
                                            List<AccessRule> rules, FailedLogins failedLogins, Pages pages,
                                            Templates templates, Clock clock, SigningKey signingKey,
                                            BanNotice banNotice, SiteSettings site) throws Exception {
        SessionLimits sessionLimits = new SessionLimits(settings, clock);
        http.authorizeHttpRequests(requests -> {
                    for (AccessRule rule : checked(rules)) {
                        var matched = requests.requestMatchers(rule.patterns().toArray(String[]::new));
                        if (rule.roles().isEmpty()) {
                            matched.authenticated();
                        } else {
                            matched.hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    // Whatever the modules declare, the rest of the admin area is for staff.
                    requests.requestMatchers(ADMIN_AREA.patterns().toArray(String[]::new))
                            .hasAnyRole(ADMIN_AREA.roles().toArray(String[]::new))
                            .anyRequest().permitAll();
                })
                .formLogin(form -> form
                        .loginPage("/login")
                        .loginProcessingUrl("/login")
                        .usernameParameter("login")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) -> {
                            failedLogins.succeeded(request.getParameter("login"));
                            HttpSession session = request.getSession();
                            sessionLimits.fit(session, authentication);
                            session.setAttribute(MemberSessions.DEVICE, shorten(request.getHeader(HttpHeaders.USER_AGENT)));
                            session.setAttribute(MemberSessions.ADDRESS, request.getRemoteAddr());
                            response.sendRedirect(LoginPaths.next(request, language(request).path("/")));
                        })
                        .failureHandler((request, response, failure) -> {
                            if (failure instanceof BadCredentialsException) {
                                failedLogins.failed(request.getParameter("login"));
                            }
                            loginFailed(request, response, failure, banNotice);
                        }))
                // The token lives in a signed cookie, not in a session: a reader gets none until logging in.
                .csrf(csrf -> csrf.csrfTokenRepository(new SignedCsrfCookie(signingKey)))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect(language(request).path("/"))))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, failure) ->
                        response.sendRedirect(LoginPaths.loginFor(request))))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // Public pages and images may be cached; account pages say no-store themselves.
                        .cacheControl(cache -> cache.disable()))
                .addFilterBefore(sessionLimits, SecurityContextHolderFilter.class)
                .addFilterBefore(new SameOriginPosts(site), CsrfFilter.class)
                .addFilterBefore(new AttemptThrottle(settings, failedLogins, pages, templates),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The modules' rules, most specific path first (Spring Security applies the first that matches). A rule
     * names only roles that exist, a path is declared once, and no rule opens part of the admin area to
     * anyone but staff.
     */
    static List<AccessRule> checked(List<AccessRule> rules) {
        Set<String> paths = new HashSet<>();
        for (AccessRule rule : rules) {
            if (!paths.add(rule.path())) {
                throw new IllegalStateException("Two modules declare who may open " + rule.path());
            }
            for (String role : rule.roles()) {
                if (Arrays.stream(Role.values()).noneMatch(known -> known.name().equals(role))) {
                    throw new IllegalStateException("The access rule of " + rule.path() + " names no role: " + role);
                }
            }
            boolean admin = rule.path().equals(ADMIN_AREA.path()) || rule.path().startsWith(ADMIN_AREA.path() + "/");
            if (admin && (rule.roles().isEmpty() || !ADMIN_AREA.roles().containsAll(rule.roles()))) {
                throw new IllegalStateException("Only staff roles may open " + rule.path());
            }
        }
        return rules.stream().sorted(Comparator.comparingInt((AccessRule rule) -> rule.path().length()).reversed()).toList();
    }

    /** Back to the login form, which says why: wrong credentials, or (to the owner only) a ban. */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure,
                                    BanNotice banNotice) throws IOException {
        boolean banned = failure instanceof LockedException;
        if (banned) {
            banNotice.give(request.getParameter("login"), request, response);
        }
        String next = LoginPaths.safe(request.getParameter("next"));
        response.sendRedirect(language(request).path("/login") + "?error=" + (banned ? "banned" : "credentials")
                + (next == null ? "" : "&next=" + LoginPaths.encode(next)));
    }

    static Language language(HttpServletRequest request) {
        return "en".equals(request.getParameter("language")) ? Language.EN : Language.ofPath(request.getRequestURI());
    }

    private static String shorten(String text) {
        return text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }
}
