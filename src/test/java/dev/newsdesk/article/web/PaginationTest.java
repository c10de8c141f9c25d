package dev.newsdesk.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaginationTest {

    @Test
    void showsFirstLastAndNeighboursWithGaps() {
        Pagination pagination = Pagination.of("/rubric/space", 6, 120, "Pages", "Newer", "Older");

        assertThat(pagination.items()).extracting(Pagination.Item::number).containsExactly(1, 0, 4, 5, 6, 7, 8, 0, 120);
        assertThat(pagination.items()).filteredOn(Pagination.Item::current).extracting(Pagination.Item::href)
                .containsExactly((String) null);
        assertThat(pagination.newer().href()).isEqualTo("/rubric/space?p=5");
        assertThat(pagination.older().href()).isEqualTo("/rubric/space?p=7");
    }

    @Test
    void firstPageLinksWithoutParameterAndHasNoNewer() {
        Pagination pagination = Pagination.of("/rubric/space", 2, 3, "Pages", "Newer", "Older");

        assertThat(pagination.items()).extracting(Pagination.Item::number).containsExactly(1, 2, 3);
        assertThat(pagination.newer().href()).isEqualTo("/rubric/space");
        assertThat(Pagination.of("/rubric/space", 1, 3, "Pages", "Newer", "Older").newer()).isNull();
    }

    @Test
    void singlePageNeedsNoPagination() {
        assertThat(Pagination.of("/rubric/space", 1, 1, "Pages", "Newer", "Older")).isNull();
    }
}
