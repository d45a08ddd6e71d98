-- The auditors' ledger page filtered by unit and event (the API's unit= and event=): its count reads
-- the matching entries along this index instead of intersecting the unit's and the event's, and its
-- page of 50 comes in occurred_at order without a sort. On PostgreSQL, over a million entries, the
-- count alone took about 50 ms before.
CREATE INDEX ix_ledger_unit_event ON ledger_entry (unit, event, occurred_at, id);
