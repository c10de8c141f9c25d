-- Changes to what pages show that every node must hear of within seconds: a module publishes PagesChanged
-- (a comment count, a rubric renamed) and a row is written in its transaction; every node follows the rows
-- in seq order, as it follows article changes, and drops the pages tagged with one of the row's tags.
CREATE SEQUENCE page_change_seq;

CREATE TABLE page_change (
    seq        bigint                   PRIMARY KEY,
    tags       varchar(4000)            NOT NULL,
    changed_at timestamp with time zone NOT NULL
);

CREATE INDEX page_change_by_time ON page_change (changed_at);
