-- Module ingest: how the last read of a feed went beyond success or failure, and which items' dates were assumed.

-- Why the strict XML parser refused the feed, when it could only be read leniently; NULL when read strictly.
ALTER TABLE feed ADD COLUMN lenient_because varchar(1000);
-- The character set detected for a feed that declares none and is not UTF-8; NULL otherwise.
ALTER TABLE feed ADD COLUMN detected_charset varchar(40);
-- Items left out of the last read, and why: "NO_TEXT=2 NO_KEY=1" (reasons of dev.newsdesk.ingest.Dropped).
ALTER TABLE feed ADD COLUMN items_dropped int NOT NULL DEFAULT 0;
ALTER TABLE feed ADD COLUMN dropped_reasons varchar(200);

-- The item gave no usable date, so published_at is the time it was first read.
ALTER TABLE feed_item ADD COLUMN date_assumed boolean NOT NULL DEFAULT FALSE;
