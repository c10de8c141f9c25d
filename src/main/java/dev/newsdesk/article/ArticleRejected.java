package dev.newsdesk.article;

import java.util.Map;

import dev.newsdesk.site.Rejected;

/** An article, rubric, source or image that cannot be stored as given, field by field. */
public class ArticleRejected extends Rejected {

    public ArticleRejected(Map<String, String> problems) {
        super(problems);
    }

    public ArticleRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
