package dev.newsdesk.account.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.account.AccountSettings;
import dev.newsdesk.site.ErrorPage;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing and mass sign-ups: logins, sign-ups and reset requests are counted per IP
 * address and per account (or e-mail), and once either has used up its allowance the request is answered
 * 429 with a page that says when to try again. Counts are kept on each node.
 */
class AttemptThrottle extends OncePerRequestFilter {

    /** The forms that are throttled, and the field that names the account. */
    private static final Set<String> FORMS = Set.of("/login", "/signup", "/en/signup", "/password/forgot",
            "/en/password/forgot", "/verify/resend", "/en/verify/resend");

    private final AccountSettings settings;
    private final Pages pages;
    private final Templates templates;
    private final Cache<String, Bucket> buckets;

    AttemptThrottle(AccountSettings settings, Pages pages, Templates templates) {
        this.settings = settings;
        this.pages = pages;
        this.templates = templates;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.attemptWindow().multipliedBy(2))
                .maximumSize(200_000)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !FORMS.contains(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String form = request.getServletPath().replaceFirst("^/en", "");
        String account = request.getParameter(form.equals("/login") ? "login" : "email");
        ConsumptionProbe byAddress = bucket("address:" + form + ":" + request.getRemoteAddr(), settings.attemptsPerAddress())
                .tryConsumeAndReturnRemaining(1);
        ConsumptionProbe byAccount = account == null || account.isBlank() ? null
                : bucket("account:" + form + ":" + Accounts.key(account), settings.attemptsPerAccount())
                        .tryConsumeAndReturnRemaining(1);
        if (byAddress.isConsumed() && (byAccount == null || byAccount.isConsumed())) {
            chain.doFilter(request, response);
            return;
        }
        long nanos = Math.max(byAddress.getNanosToWaitForRefill(), byAccount == null ? 0 : byAccount.getNanosToWaitForRefill());
        long minutes = Math.max(1, (Duration.ofNanos(nanos).toSeconds() + 59) / 60);
        tooMany(request, response, minutes);
    }

    private Bucket bucket(String key, int allowance) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(allowance).refillGreedy(allowance, settings.attemptWindow()))
                .build());
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long minutes) throws IOException {
        Language language = "en".equals(request.getParameter("language")) ? Language.EN : Language.ofPath(request.getServletPath());
        Page page = pages.page(language, language.path("/")).title(pages.texts(language).get("error.tooMany.title")).build();
        ErrorPage model = new ErrorPage(page, HttpStatus.TOO_MANY_REQUESTS.value(), page.t("error.tooMany.title"),
                page.texts().get("error.tooMany.message", minutes));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(minutes * 60));
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(templates.render("site/error", model));
    }
}
