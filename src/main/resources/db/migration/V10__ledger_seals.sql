-- The ledger's keyed seals: every entry gets a place in one sequence over all cases (global_seq,
-- gap-free, in the order the entries were committed) and a seal, HMAC-SM3 with a key kept outside
-- the database of the entry's global number, its hash and the seal before it (seal_key names the
-- key). Deleting, inserting or reordering entries, or a whole case, breaks the sequence; changing
-- one breaks its seal. Entries of earlier releases are sealed at the first start of this one.
ALTER TABLE ledger_entry ADD COLUMN global_seq BIGINT;
ALTER TABLE ledger_entry ADD COLUMN seal VARCHAR(64);
ALTER TABLE ledger_entry ADD COLUMN seal_key VARCHAR(16);
CREATE UNIQUE INDEX uq_ledger_global_seq ON ledger_entry (global_seq);

-- The end of the sealed sequence: its row lock puts the commits that seal entries in one order.
-- last_key names the key of the last seal: a node that does not hold it refuses to seal after it.
CREATE TABLE ledger_global (
    id        INTEGER     PRIMARY KEY,
    ledger_id VARCHAR(36) NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_seal VARCHAR(64),
    last_key  VARCHAR(16)
);
