-- Public commitments of rectification (公开承诺): what the public page shows. Written in the engine's
-- transaction by the rectification process; no personal data (no responsible persons).
CREATE TABLE rectification_commitment (
    case_no       VARCHAR(32)   PRIMARY KEY,
    unit          VARCHAR(64)   NOT NULL,
    unit_name     VARCHAR(100)  NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    problems      VARCHAR(5000) NOT NULL,
    source        VARCHAR(40)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    progress      INTEGER       NOT NULL,
    committed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    fulfilled_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_commitment_committed ON rectification_commitment (committed_at);

CREATE TABLE rectification_measure (
    case_no     VARCHAR(32)  NOT NULL,
    measure_no  INTEGER      NOT NULL,
    measure     VARCHAR(500) NOT NULL,
    target      VARCHAR(500) NOT NULL,
    deadline    DATE         NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_no, measure_no)
);
