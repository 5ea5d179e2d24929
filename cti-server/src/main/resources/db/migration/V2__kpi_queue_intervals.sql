-- KPI history: one row per queue per closed 15-minute interval (UTC-aligned), written by the live KPI engine.
-- Sums, not ratios, so rows add up to any longer period:
--   service level       = answered_within_threshold / (answered + abandoned)
--   abandonment rate    = abandoned / (answered + abandoned)          (short abandons are in neither)
--   average speed of answer = answer_wait_ms / answered
--   average handle time = handle_ms / handled                         (talk, hold included, plus wrap-up)
-- A row is written once, with an upsert, so a retried write after a lost answer does not count twice.
CREATE TABLE kpi_queue_intervals (
    queue_id                   VARCHAR(64)  NOT NULL,
    interval_start             DATETIME(3)  NOT NULL,
    interval_seconds           INT          NOT NULL DEFAULT 900,
    offered                    INT          NOT NULL DEFAULT 0,
    answered                   INT          NOT NULL DEFAULT 0,
    answered_within_threshold  INT          NOT NULL DEFAULT 0,
    abandoned                  INT          NOT NULL DEFAULT 0,
    short_abandons             INT          NOT NULL DEFAULT 0,
    repeat_callers             INT          NOT NULL DEFAULT 0,
    answer_wait_ms             BIGINT       NOT NULL DEFAULT 0,
    handled                    INT          NOT NULL DEFAULT 0,
    handle_ms                  BIGINT       NOT NULL DEFAULT 0,
    written_at                 DATETIME(3)  NOT NULL,
    PRIMARY KEY (queue_id, interval_start)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_kpi_queue_intervals_start ON kpi_queue_intervals (interval_start);
