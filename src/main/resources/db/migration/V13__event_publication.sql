-- Spring Modulith's event publication registry (the library's schema v2, in types both databases take), created by
-- Flyway rather than by the library at start: nodes that start together on an empty database raced to create it,
-- and PostgreSQL fails the second of two concurrent CREATE TABLE IF NOT EXISTS of one table. A database made before
-- this migration has the table, made by the library, already.
CREATE TABLE IF NOT EXISTS event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            varchar(512)             NOT NULL,
    event_type             varchar(512)             NOT NULL,
    serialized_event       varchar(4000)            NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
CREATE INDEX IF NOT EXISTS event_publication_by_listener_id_and_serialized_event_idx
    ON event_publication (listener_id, serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
