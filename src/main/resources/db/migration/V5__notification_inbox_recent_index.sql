-- A user's inbox page takes each addressee's newest entries, one branch per addressee; on
-- PostgreSQL each branch reads them along this index in the page's order, without a sort, and
-- stops at the end of the page (README, "Performance"). It replaces the index on
-- (recipient, channel, created_at), which left ties in time to be sorted by id.
CREATE INDEX ix_notification_inbox_recent ON notification (recipient, channel, created_at DESC, id DESC);
DROP INDEX ix_notification_inbox;
