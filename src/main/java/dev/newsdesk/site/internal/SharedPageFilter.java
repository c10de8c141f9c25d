package dev.newsdesk.site.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.newsdesk.site.MemberCredentials;
import dev.newsdesk.site.PageHits;
import dev.newsdesk.site.SharedPage;
import dev.newsdesk.site.SiteSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves anonymous readers the pages kept in {@link RenderedPages}, ahead of the session, Spring Security and
 * MVC, and keeps the pages that their controllers mark as {@link SharedPage}s.
 * <p>
 * A GET or HEAD without a member's credentials ({@link MemberCredentials}) is answered from a kept page when
 * there is one: gzip when the reader accepts it, a strong {@code ETag} of those bytes, {@code 304} to an
 * {@code If-None-Match} that names it, {@code Cache-Control: public} with {@code max-age=0} for browsers and {@link SiteSettings.PageCache#sharedMaxAge()} for shared caches,
 * and the headers the page was first answered with (Spring Security's CSP, frame, referrer and content-type
 * options among them: captured once, so the security configuration stays their only source), and every
 * {@link PageHits} hears of it. Otherwise the page is rendered, and kept when it is marked shared, answered 200
 * as {@code text/html}, and set no cookie: a page that started a session or handed out a token is never kept.
 * A shared page rendered for a member is answered {@code Cache-Control: private, no-store}, and nothing
 * rendered for a member is kept.
 */
final class SharedPageFilter extends OncePerRequestFilter {

    static final String PRIVATE = "private, no-store";

    /** Headers that belong to one answer, not to the page: never replayed. */
    private static final Set<String> OWN_HEADERS = Set.of("set-cookie", "content-length", "content-type",
            "content-encoding", "transfer-encoding", "date", "cache-control", "etag", "vary", "expires", "pragma",
            "last-modified", "keep-alive", "connection");

    private final RenderedPages pages;
    private final List<MemberCredentials> credentials;
    private final List<PageHits> hits;
    private final SiteSettings.PageCache settings;
    private final String publicControl;

    SharedPageFilter(RenderedPages pages, List<MemberCredentials> credentials, List<PageHits> hits, SiteSettings settings) {
        this.pages = pages;
        this.credentials = List.copyOf(credentials);
        this.hits = List.copyOf(hits);
        this.settings = settings.pageCache();
        this.publicControl = "public, max-age=0, s-maxage=" + this.settings.sharedMaxAge().toSeconds()
                + ", stale-while-revalidate=" + this.settings.staleWhileRevalidate().toSeconds();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean member = member(request);
        String method = request.getMethod();
        boolean get = "GET".equals(method);
        if (member || !settings.enabled() || !(get || "HEAD".equals(method))) {
            chain.doFilter(request, new Marked(response, member ? PRIVATE : publicControl));
            return;
        }
        String key = key(request);
        RenderedPages.Rendered kept = pages.get(key);
        if (kept != null) {
            for (PageHits hit : hits) {
                hit.served(kept.tags(), request);
            }
            answer(kept, request, response, true);
            return;
        }
        if (!get) {
            chain.doFilter(request, new Marked(response, publicControl));
            return;
        }
        long generation = pages.generation();
        Rendering rendering = new Rendering(response);
        chain.doFilter(request, rendering);
        if (!rendering.held()) {
            return;
        }
        RenderedPages.Rendered rendered = rendering.shareable();
        if (rendered == null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, rendering.cookies() ? PRIVATE : publicControl);
            rendering.release();
            return;
        }
        pages.keep(key, rendered, generation);
        answer(rendered, request, response, false);
    }

    private boolean member(HttpServletRequest request) {
        for (MemberCredentials credential : credentials) {
            if (credential.carries(request)) {
                return true;
            }
        }
        return false;
    }

    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private void answer(RenderedPages.Rendered page, HttpServletRequest request, HttpServletResponse response,
                        boolean replay) throws IOException {
        if (replay) {
            for (Map.Entry<String, String> header : page.headers()) {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? page.gzipEtag() : page.etag();
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, publicControl);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzip() : page.plain();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether {@code If-None-Match} names the page, in either encoding (a weak comparison, as RFC 9110 asks). */
    static boolean notModified(String ifNoneMatch, RenderedPages.Rendered page) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(page.etag()) || candidate.equals(page.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code Accept-Encoding} allows gzip: named, or {@code *}, without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                    if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** A response that takes the page's tags off and says instead how it may be cached. */
    private static final class Marked extends HttpServletResponseWrapper {

        private final String cacheControl;

        Marked(HttpServletResponse response, String cacheControl) {
            super(response);
            this.cacheControl = cacheControl;
        }

        @Override
        public void setHeader(String name, String value) {
            if (SharedPage.TAGS_HEADER.equalsIgnoreCase(name)) {
                super.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (SharedPage.TAGS_HEADER.equalsIgnoreCase(name)) {
                super.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    /**
     * A response that passes through, except that once its controller marks it shared (the tags header comes
     * before the body) its body is held in memory, to be kept. Static files and images stream as ever.
     */
    private static final class Rendering extends HttpServletResponseWrapper {

        private Set<String> tags;
        private ByteArrayOutputStream body;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Rendering(HttpServletResponse response) {
            super(response);
        }

        private HttpServletResponse target() {
            return (HttpServletResponse) getResponse();
        }

        @Override
        public void setHeader(String name, String value) {
            if (SharedPage.TAGS_HEADER.equalsIgnoreCase(name)) {
                tags = SharedPage.tags(value);
            } else if (!(holding() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (SharedPage.TAGS_HEADER.equalsIgnoreCase(name)) {
                tags = SharedPage.tags(value);
            } else if (!(holding() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!holding()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!holding()) {
                super.setContentLengthLong(length);
            }
        }

        /** Whether the body is, or is to be, held: the page is marked shared. */
        private boolean holding() {
            return tags != null || body != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has been called");
            }
            if (stream == null) {
                stream = holding() ? hold() : super.getOutputStream();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has been called");
            }
            if (writer == null) {
                writer = holding()
                        ? new PrintWriter(new OutputStreamWriter(hold(), Charset.forName(getCharacterEncoding())))
                        : super.getWriter();
            }
            return writer;
        }

        private ServletOutputStream hold() {
            body = new ByteArrayOutputStream(16 * 1024);
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("A page is rendered synchronously");
                }
            };
        }

        @Override
        public void flushBuffer() throws IOException {
            if (body == null) {
                super.flushBuffer();
            } else if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            if (body != null) {
                body.reset();
            }
            super.resetBuffer();
        }

        @Override
        public void reset() {
            if (body != null) {
                body.reset();
            }
            super.reset();
        }

        boolean cookies() {
            return target().containsHeader(HttpHeaders.SET_COOKIE);
        }

        boolean held() {
            return body != null;
        }

        /** Sends what was held, as it was rendered. */
        void release() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (body != null && !target().isCommitted()) {
                target().setContentLength(body.size());
                body.writeTo(target().getOutputStream());
            }
        }

        /** The page as rendered, if it may be kept for every anonymous reader; null if not. */
        RenderedPages.Rendered shareable() {
            if (writer != null) {
                writer.flush();
            }
            String contentType = getContentType();
            if (tags == null || body == null || body.size() == 0 || getStatus() != HttpServletResponse.SC_OK
                    || cookies() || target().isCommitted()
                    || contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                return null;
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : Set.copyOf(target().getHeaderNames())) {
                if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    for (String value : target().getHeaders(name)) {
                        headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
                    }
                }
            }
            return RenderedPages.Rendered.of(body.toByteArray(), contentType, headers, tags);
        }
    }
}
