-- The queued callbacks that stand: the caller hung up after the confirmation and nobody has called them back yet.
-- One row per callback, written by the routing node (JooqPendingCallbacks) when the caller has hung up and after
-- each unanswered attempt, deleted when the customer answers or the callback gives up; read back when the node
-- starts, so a restart does not lose the promise to call the customer back. No foreign key to queues: a callback
-- whose queue was deleted meanwhile is logged and kept waiting, not silently dropped.
CREATE TABLE pending_callbacks (
    task_id              VARCHAR(128) NOT NULL,
    call_id              VARCHAR(64)  NOT NULL,
    pbx_id               VARCHAR(64)  NOT NULL,
    queue_id             VARCHAR(64)  NOT NULL,
    caller_leg           VARCHAR(128) NOT NULL,
    callback_number      VARCHAR(16)  NOT NULL,
    priority             INT          NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    entered_at           DATETIME(3)  NOT NULL,
    original_position    INT          NOT NULL,
    attempts_made        INT          NOT NULL,
    not_before           DATETIME(3)  NULL,
    enabled              BOOLEAN      NOT NULL,
    digit                CHAR(1)      NOT NULL,
    offer_after_seconds  INT          NOT NULL,
    offer_above_seconds  INT          NOT NULL,
    attempts             INT          NOT NULL,
    ring_time_seconds    INT          NOT NULL,
    retry_delay_seconds  INT          NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    PRIMARY KEY (task_id),
    CONSTRAINT ck_pending_callbacks_attempts CHECK (attempts_made BETWEEN 0 AND attempts)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
