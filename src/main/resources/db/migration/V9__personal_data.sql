-- A case's personal data (a submitter's name and contact), apart from the engine's variables and
-- history, which keep masked values only. Erased (value NULL, erased_at set) after the retention
-- period that follows the case's end.
CREATE TABLE personal_data (
    case_no    VARCHAR(32)  NOT NULL,
    field      VARCHAR(64)  NOT NULL,
    field_value VARCHAR(500),
    kept_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_no, field)
);
CREATE INDEX ix_personal_data_kept ON personal_data (erased_at, case_no);
