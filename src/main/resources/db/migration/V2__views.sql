-- Module stats: view counts. Written in batches by the view counter, never in a page request.

CREATE TABLE article_view_total (
    article_id bigint NOT NULL PRIMARY KEY,
    views      bigint NOT NULL
);

CREATE TABLE article_view_hourly (
    article_id bigint                   NOT NULL,
    view_hour  timestamp with time zone NOT NULL,
    views      bigint                   NOT NULL,
    PRIMARY KEY (article_id, view_hour)
);

CREATE INDEX article_view_hourly_by_hour ON article_view_hourly (view_hour);

CREATE TABLE article_view_daily (
    article_id bigint NOT NULL,
    view_date  date   NOT NULL,
    views      bigint NOT NULL,
    PRIMARY KEY (article_id, view_date)
);
