-- Module mail: a message is claimed by one node for each hand-over (SENDING), with a lease. A row whose lease
-- ran out while SENDING is given up, not sent again: the server may have taken it.
ALTER TABLE mail_outbox ADD COLUMN claimed_by varchar(255);
ALTER TABLE mail_outbox ADD COLUMN claimed_until timestamp with time zone;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'));
