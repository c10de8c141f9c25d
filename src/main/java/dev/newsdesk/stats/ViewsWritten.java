package dev.newsdesk.stats;

import java.util.Set;

/** A flush wrote new views of {@code articleIds} on this node: the counts shown for them have grown. */
public record ViewsWritten(Set<Long> articleIds) {

    public ViewsWritten {
        articleIds = Set.copyOf(articleIds);
    }
}
