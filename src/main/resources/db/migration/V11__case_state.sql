-- What the platform holds of each case besides its ledger, as data (cases/CaseStates): the unit that
-- owns it, its subject, when it was filed and closed, the time limit, the working days of extension
-- granted, the clock it runs against now
-- (clock_no counts the clocks set: a card's classification, extensions and reopenings, a plan's
-- deadlines) and a rectification's plan last submitted (JSON). Filled for the cases of earlier
-- releases by the Java migration V12 (cases/EarlierCaseState).
CREATE TABLE case_state (
    case_no          VARCHAR(32)  PRIMARY KEY,
    process_key      VARCHAR(64)  NOT NULL,
    unit             VARCHAR(64),
    subject          VARCHAR(500),
    opened_at        TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    time_limit_days  INTEGER,
    extended_days    INTEGER      NOT NULL,
    clock_no         INTEGER      NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE,
    clock_started_at TIMESTAMP WITH TIME ZONE,
    plan             VARCHAR(20000)
);
-- the Cases search (Cockpit) pages cases newest first, by process, open or closed
CREATE INDEX ix_case_state_opened ON case_state (opened_at, case_no);
CREATE INDEX ix_case_state_process_opened ON case_state (process_key, opened_at, case_no);

-- The steps of an escalation ladder recorded on a clock of a case: each once (cases/Escalations).
-- clock: deadline-N (a card's Nth deadline), plan-N (a plan's), measure-M@<due instant> (measure M).
CREATE TABLE case_escalation (
    case_no     VARCHAR(32)  NOT NULL,
    clock       VARCHAR(80)  NOT NULL,
    step        VARCHAR(40)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_no, clock, step)
);
