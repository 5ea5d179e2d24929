-- What a queue tells its waiting callers (/api/v1/queues "announcements"), as app_queue's announce-*
-- settings: how often (0: never), the position (no | yes | limit | more, with its limit), the estimated
-- wait (no | yes | once) and its rounding (0: whole minutes, else a multiple of these seconds).
-- A queue without a row announces nothing.

CREATE TABLE queue_announcements (
    queue_id           VARCHAR(64)  NOT NULL,
    frequency_seconds  INT          NOT NULL,
    position_mode      VARCHAR(8)   NOT NULL,
    position_limit     INT          NOT NULL,
    estimated_wait     VARCHAR(8)   NOT NULL,
    round_seconds      INT          NOT NULL,
    PRIMARY KEY (queue_id),
    CONSTRAINT ck_queue_announcements_values CHECK (frequency_seconds >= 0 AND position_limit >= 1
        AND position_mode IN ('no', 'yes', 'limit', 'more') AND estimated_wait IN ('no', 'yes', 'once')
        AND round_seconds IN (0, 5, 10, 15, 20, 30)),
    CONSTRAINT fk_queue_announcements_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
