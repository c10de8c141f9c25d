package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.SharedPage;
import org.junit.jupiter.api.Test;

class PageChangeLogTest {

    @Test
    void writesManyTagsInRowsThatFitTheColumnAndLosesNone() {
        Set<String> tags = new LinkedHashSet<>();
        for (long id = 1; id <= 2000; id++) {
            tags.add(PagesChanged.articleTag(id));
        }

        List<String> rows = PageChangeLog.rows(tags);

        assertThat(rows).hasSizeGreaterThan(1)
                .allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(PageChangeLog.ROW_CHARACTERS));
        Set<String> read = new LinkedHashSet<>();
        rows.forEach(row -> read.addAll(SharedPage.tags(row)));
        assertThat(read).isEqualTo(tags);
    }

    @Test
    void writesFewTagsInOneRow() {
        assertThat(PageChangeLog.rows(Set.of(PagesChanged.LISTS))).containsExactly(PagesChanged.LISTS);
    }
}
