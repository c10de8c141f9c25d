package dev.newsdesk.site;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Pages readers see have changed: the shared copies of every page tagged with one of {@link #tags()} are
 * dropped, on every node within two seconds. Any module publishes it, inside the transaction of its change or
 * after it, without knowing what caches the pages; pages say what they depend on through {@link SharedPage}.
 * <p>
 * Published as it is ({@link Reach#EVERY_NODE}), it is written to a change log in the publisher's transaction
 * that every node follows. A module that already follows a change on every node (the article module, through
 * {@code change_seq}) publishes it {@link #onThisNode()}, which only empties this node's copies.
 */
public record PagesChanged(Set<String> tags, Reach reach) {

    /** The page of one article. */
    public static final String ARTICLE = "article:";
    /** The page of one image. */
    public static final String IMAGE = "image:";
    /** Every page listing articles: home, rubric pages, the previous/next links and the teasers of an article. */
    public static final String LISTS = "lists";
    /** Every page showing the rubrics (their navigation is on every page). */
    public static final String RUBRICS = "rubrics";
    /** Every page naming a source (an article's rights notice, a teaser's byline). */
    public static final String SOURCES = "sources";

    /** How far a change must travel. */
    public enum Reach {
        /** Every node drops the pages: the change is logged in the database for the others to follow. */
        EVERY_NODE,
        /** This node alone: every other node learns of the change by itself. */
        THIS_NODE
    }

    public PagesChanged {
        tags = Set.copyOf(tags);
    }

    /** The pages tagged with any of {@code tags}, on every node. */
    public static PagesChanged of(Collection<String> tags) {
        return new PagesChanged(Set.copyOf(tags), Reach.EVERY_NODE);
    }

    /** The page of the article {@code id}, on every node: its comment count, its rating, a block under it. */
    public static PagesChanged article(long id) {
        return of(Set.of(articleTag(id)));
    }

    /** The pages of the articles {@code ids}. */
    public static PagesChanged articles(Collection<Long> ids) {
        Set<String> tags = new LinkedHashSet<>();
        ids.forEach(id -> tags.add(articleTag(id)));
        return of(tags);
    }

    /** Every list of articles, on every node. */
    public static PagesChanged lists() {
        return of(Set.of(LISTS));
    }

    public static PagesChanged rubrics() {
        return of(Set.of(RUBRICS));
    }

    public static PagesChanged sources() {
        return of(Set.of(SOURCES));
    }

    public static String articleTag(long id) {
        return ARTICLE + id;
    }

    public static String imageTag(long id) {
        return IMAGE + id;
    }

    /** The same pages, dropped on this node only. */
    public PagesChanged onThisNode() {
        return new PagesChanged(tags, Reach.THIS_NODE);
    }

    /** The same pages and those tagged with {@code more}. */
    public PagesChanged and(String... more) {
        Set<String> all = new LinkedHashSet<>(tags);
        all.addAll(Set.of(more));
        return new PagesChanged(all, reach);
    }
}
