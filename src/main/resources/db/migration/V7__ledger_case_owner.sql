-- The process instance that owns each case: the one that filed it. Only it may append to the case's
-- chain (a merge's note on the earlier card excepted), and case views read it. Cases filed before
-- this column existed get their owner at start-up from the engine's history (LedgerOwners).
ALTER TABLE ledger_case_head ADD COLUMN process_instance_id VARCHAR(64);
