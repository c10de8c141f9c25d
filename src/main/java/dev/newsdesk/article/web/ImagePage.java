package dev.newsdesk.article.web;

import dev.newsdesk.site.Page;

/** The page about one image: the picture, its description and the code to embed it elsewhere. */
public record ImagePage(Page page, String title, String src, int width, int height, String alt, String caption,
                        String credit, String dimensions, String fileSize, String uploaded, Link article,
                        String embedCode) {
}
