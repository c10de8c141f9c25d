-- The application: locks that jobs which must run on one node at a time (mail dispatch, a feed's refresh)
-- take through ShedLock. Databases made before this migration have the table from V3 already.
CREATE TABLE IF NOT EXISTS shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
