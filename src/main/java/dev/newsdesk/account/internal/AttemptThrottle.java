package dev.newsdesk.account.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.site.ErrorPage;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one throttle of the forms that try a password or send mail. Every such form is counted per client IP
 * address (an IPv6 client by its /64, which it can rotate within); a form that sends mail is also counted
 * per account, for the member asking and for the address in its {@code email} field, with one allowance
 * that all those forms share; a login is refused while {@link FailedLogins} holds it locked. A refusal is a
 * 429 page that says when to try again. Nothing here reads the database, so the answer takes as long for
 * a known account as for an unknown one. Counts are kept on each node.
 */
class AttemptThrottle extends OncePerRequestFilter {

    /** What a form risks: guessing a password, or mail sent to someone. */
    private enum Risk { PASSWORD, MAIL }

    /** The throttled forms, by path without the language prefix. */
    private static final Map<String, Risk> FORMS = Map.of(
            "/login", Risk.PASSWORD,
            "/account/password", Risk.PASSWORD,
            "/signup", Risk.MAIL,
            "/password/forgot", Risk.MAIL,
            "/verify/resend", Risk.MAIL,
            "/account/verify", Risk.MAIL,
            "/account/email", Risk.MAIL);

    private final AccountSettings settings;
    private final FailedLogins failedLogins;
    private final Pages pages;
    private final Templates templates;
    private final Cache<String, Bucket> buckets;

    AttemptThrottle(AccountSettings settings, FailedLogins failedLogins, Pages pages, Templates templates) {
        this.settings = settings;
        this.failedLogins = failedLogins;
        this.pages = pages;
        this.templates = templates;
        Duration longest = settings.attemptWindow().compareTo(settings.mailWindow()) > 0 ? settings.attemptWindow()
                : settings.mailWindow();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest.multipliedBy(2)).maximumSize(200_000).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !FORMS.containsKey(form(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String form = form(request);
        ConsumptionProbe byAddress = bucket("address:" + form + ":" + client(request.getRemoteAddr()),
                settings.attemptsPerAddress(), settings.attemptWindow()).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            tooMany(request, response, Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
            return;
        }
        if (form.equals("/login")) {
            Duration locked = failedLogins.lockedFor(request.getParameter("login"));
            if (locked.isPositive()) {
                tooMany(request, response, locked);
                return;
            }
        }
        if (FORMS.get(form) == Risk.MAIL) {
            for (String account : accounts(request)) {
                ConsumptionProbe byAccount = bucket(account, settings.mailsPerAccount(), settings.mailWindow())
                        .tryConsumeAndReturnRemaining(1);
                if (!byAccount.isConsumed()) {
                    tooMany(request, response, Duration.ofNanos(byAccount.getNanosToWaitForRefill()));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Whom a mail form would write to: the member asking, and the address it names (hashed, whatever its length). */
    private static List<String> accounts(HttpServletRequest request) {
        List<String> accounts = new ArrayList<>(2);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.getPrincipal() instanceof MemberPrincipal member) {
            accounts.add("mail:member:" + member.id());
        }
        String email = request.getParameter("email");
        if (email != null && !email.isBlank()) {
            accounts.add("mail:address:" + Tokens.hash(Accounts.key(email)));
        }
        return accounts;
    }

    private static String form(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/en/") ? path.substring(3) : path;
    }

    /** The client a request is counted for: its IPv4 address, or the /64 of its IPv6 address. */
    static String client(String remoteAddress) {
        if (remoteAddress == null || !remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            byte[] address = InetAddress.getByName(remoteAddress).getAddress();
            return address.length == 16 ? HexFormat.of().formatHex(address, 0, 8) + "::/64" : remoteAddress;
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private Bucket bucket(String key, int allowance, Duration window) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(allowance).refillGreedy(allowance, window))
                .build());
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        Language language = "en".equals(request.getParameter("language")) ? Language.EN : Language.ofPath(request.getServletPath());
        ErrorPage model = ErrorPage.of(pages, language, HttpStatus.TOO_MANY_REQUESTS.value(), "error.tooMany.title",
                pages.texts(language).get("error.tooMany.message", minutes));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(templates.render("site/error", model));
    }
}
