package dev.newsdesk.article;

/** An article, rubric, source or image that cannot be stored as given; the message says what is wrong. */
public class ArticleRejected extends RuntimeException {

    public ArticleRejected(String reason) {
        super(reason);
    }
}
