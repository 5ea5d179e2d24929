-- Whether a queue's waiting callers may press a key to be called back keeping their place (/api/v1/queues
-- "callback"). A queue without a row offers no callback.
CREATE TABLE queue_callback (
    queue_id             VARCHAR(64)  NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    digit                CHAR(1)      NOT NULL,
    offer_after_seconds  INT          NOT NULL,
    offer_above_seconds  INT          NOT NULL,
    attempts             INT          NOT NULL,
    ring_time_seconds    INT          NOT NULL,
    retry_delay_seconds  INT          NOT NULL,
    PRIMARY KEY (queue_id),
    CONSTRAINT ck_queue_callback_attempts CHECK (attempts BETWEEN 1 AND 10),
    CONSTRAINT ck_queue_callback_ring_time CHECK (ring_time_seconds BETWEEN 1 AND 300),
    CONSTRAINT fk_queue_callback_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- The record of a call whose caller asked for a callback: how it went (requested, connected, no_answer, busy,
-- failed) and how many attempts were placed. The caller's leg ends with end_reason 'callback'; each attempt is
-- a 'customer' leg of the same call.
ALTER TABLE calls ADD COLUMN callback_outcome VARCHAR(16) NULL;
ALTER TABLE calls ADD COLUMN callback_attempts INT NULL;
