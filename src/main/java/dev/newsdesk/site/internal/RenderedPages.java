package dev.newsdesk.site.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.SiteSettings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bytes of the pages rendered for anonymous readers, kept on this node, plain and gzip, each with the tags
 * of what it shows. A page is dropped when a {@link PagesChanged} names one of its tags (after the publisher's
 * transaction commits, or at once outside one), when it is older than
 * {@link SiteSettings.PageCache#timeToLive()}, or when newer pages need its room
 * ({@link SiteSettings.PageCache#maxSize()}).
 * <p>
 * A render that started before a change and ends after it would keep what the change replaced: every drop
 * starts a new generation, and a page rendered in an older one is not kept.
 */
@Component
class RenderedPages {

    private final Cache<String, Rendered> pages;
    private final AtomicLong generation = new AtomicLong();

    RenderedPages(SiteSettings settings) {
        SiteSettings.PageCache cache = settings.pageCache();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(cache.maxSize().toBytes())
                .<String, Rendered>weigher((key, page) -> key.length() + page.weight())
                .expireAfterWrite(cache.timeToLive())
                .build();
    }

    /** The page kept under {@code key} (a path and its query), or null. */
    Rendered get(String key) {
        return pages.getIfPresent(key);
    }

    /** The generation a render starts in, to hand back to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    /** Keeps {@code page} under {@code key} unless a change came while it was rendered since {@code startedIn}. */
    void keep(String key, Rendered page, long startedIn) {
        pages.put(key, page);
        // A drop that began before the put may have missed it; one that begins after it finds it.
        if (generation.get() != startedIn) {
            pages.invalidate(key);
        }
    }

    /**
     * Drops the pages once the change is committed: at once outside a transaction. A plain listener with a
     * synchronisation of its own, because a transactional one would have Modulith record each such event in
     * its publication registry, a write per change for a cache that the page change log rebuilds anyway.
     */
    @EventListener
    void on(PagesChanged changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drop(changed.tags());
                }
            });
        } else {
            drop(changed.tags());
        }
    }

    /** Drops every page tagged with one of {@code tags}. */
    void drop(Set<String> tags) {
        generation.incrementAndGet();
        pages.asMap().values().removeIf(page -> !Collections.disjoint(page.tags(), tags));
    }

    void dropAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        return pages.estimatedSize();
    }

    /**
     * One page as rendered: its bytes plain and gzip, the strong entity tag of each, its content type, and the
     * headers it was answered with (the security headers among them), replayed on every hit.
     */
    record Rendered(byte[] plain, byte[] gzip, String etag, String gzipEtag, String contentType,
                    List<Map.Entry<String, String>> headers, Set<String> tags) {

        static Rendered of(byte[] plain, String contentType, List<Map.Entry<String, String>> headers, Set<String> tags) {
            String hash = hash(plain);
            return new Rendered(plain, gzip(plain), "\"" + hash + "\"", "\"" + hash + "-gz\"", contentType,
                    List.copyOf(headers), Set.copyOf(tags));
        }

        int weight() {
            int headerBytes = headers.stream().mapToInt(header -> header.getKey().length() + header.getValue().length()).sum();
            return plain.length + gzip.length + headerBytes + 256;
        }

        private static String hash(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-256", e);
            }
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
