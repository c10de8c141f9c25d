package dev.newsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for tests: keeps cookies, fills in and submits the forms of the pages it has loaded (their
 * hidden fields, the CSRF token among them, included), and does not follow redirects by itself.
 */
public final class TestBrowser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public TestBrowser(int port) {
        this("localhost", port);
    }

    /** A browser that reaches the portal at {@code host}, say an address of this machine other than loopback. */
    public TestBrowser(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
        headers.put("User-Agent", WebClient.BROWSER);
    }

    /** Sends {@code name: value} with every request from now on (say, X-Forwarded-For). */
    public TestBrowser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The page at {@code path}, which must answer 200. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode()
                    + response.headers().firstValue("Location").map(l -> " to " + l).orElse(""));
        }
        return Jsoup.parse(response.body(), base + path);
    }

    /** Submits the form matched by {@code selector} on {@code page}, with {@code fields} set. */
    public HttpResponse<String> submit(Document page, String selector, Map<String, String> fields) {
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on " + page.location());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            values.put(input.attr("name"), input.attr("value"));
        }
        values.putAll(fields);
        return post(form.attr("action"), values);
    }

    public HttpResponse<String> post(String path, Map<String, String> values) {
        String body = values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts {@code body} as it is, already form-encoded (to send what no browser would, say). */
    public HttpResponse<String> postEncoded(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    /** Keeps only the cookie {@code name}, as a browser restarted with "remember me" would. */
    public TestBrowser forgetAllCookiesBut(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> !c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
        return this;
    }

    /** Carries the cookie over to another browser (say, to another node of the portal). */
    public void giveCookie(HttpCookie cookie) {
        HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
        copy.setPath("/");
        copy.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), copy);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
