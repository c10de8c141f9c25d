package dev.newsdesk.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaginationTest {

    @Test
    void showsTheFirstPageAndTheNeighboursWithGaps() {
        Pagination pagination = Pagination.of("/rubric/space", 6, 2, true, "Pages", "Newer", "Older");

        assertThat(pagination.items()).extracting(Pagination.Item::number).containsExactly(1, 0, 4, 5, 6, 7, 8, 0);
        assertThat(pagination.items()).filteredOn(Pagination.Item::current).extracting(Pagination.Item::href)
                .containsExactly((String) null);
        assertThat(pagination.newer().href()).isEqualTo("/rubric/space?p=5");
        assertThat(pagination.older().href()).isEqualTo("/rubric/space?p=7");
    }

    @Test
    void lastPageHasNoOlderLinkAndSecondLinksBackWithoutParameter() {
        Pagination pagination = Pagination.of("/rubric/space", 3, 0, false, "Pages", "Newer", "Older");

        assertThat(pagination.items()).extracting(Pagination.Item::number).containsExactly(1, 2, 3);
        assertThat(pagination.older()).isNull();
        assertThat(Pagination.of("/rubric/space", 2, 1, false, "Pages", "Newer", "Older").newer().href())
                .isEqualTo("/rubric/space");
    }

    @Test
    void singlePageNeedsNoPagination() {
        assertThat(Pagination.of("/rubric/space", 1, 0, false, "Pages", "Newer", "Older")).isNull();
    }
}
