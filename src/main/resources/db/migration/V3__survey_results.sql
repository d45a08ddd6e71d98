-- Satisfaction survey results (满意度测评), one row per surveyed unit and survey, written in the
-- engine's transaction when a survey is ranked; the next survey reads who was last-ranked before.
CREATE TABLE survey_result (
    survey_no    VARCHAR(32)   NOT NULL,
    unit         VARCHAR(64)   NOT NULL,
    category     VARCHAR(16)   NOT NULL,
    score        DECIMAL(6, 2) NOT NULL,
    unit_rank    INTEGER       NOT NULL,
    ranked_of    INTEGER       NOT NULL,
    last_ranked  BOOLEAN       NOT NULL,
    ranked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (survey_no, unit)
);
CREATE INDEX ix_survey_result_ranked ON survey_result (ranked_at);
