-- Module account: the key that signs what the portal hands a browser to give back (the CSRF cookie, the
-- short-lived ban notice), so that no node keeps it in a session. Made once by the first node that needs it and
-- read by every other, so that a cookie signed on one node is good on all.
CREATE TABLE signing_key (
    name       varchar(40)  NOT NULL PRIMARY KEY,
    secret     varchar(100) NOT NULL,
    created_at timestamp with time zone NOT NULL
);
