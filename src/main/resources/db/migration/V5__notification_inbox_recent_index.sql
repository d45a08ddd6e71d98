-- A user's inbox page reads each addressee's newest entries along this index, in the order the
-- page shows them, and stops at the end of the page (README, "Performance"). It replaces the index
-- on (recipient, channel, created_at), which made the database read all of a unit's entries to
-- sort them by time and id.
CREATE INDEX ix_notification_inbox_recent ON notification (recipient, channel, created_at DESC, id DESC);
DROP INDEX ix_notification_inbox;
