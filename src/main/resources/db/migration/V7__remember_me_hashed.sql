-- Module account: remember-me tokens kept as SHA-256 hashes, like the one-time links, so that a leaked table
-- logs nobody in. The series stays the key it is looked up by; created_at bounds a series' whole life.
-- The tokens Spring Security kept in clear go: a member who ticked "remember me" logs in once more.
DROP TABLE persistent_logins;

CREATE TABLE remember_me (
    series     varchar(64) NOT NULL PRIMARY KEY,
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    token_hash varchar(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used  timestamp with time zone NOT NULL
);

CREATE INDEX remember_me_by_member ON remember_me (member_id);
