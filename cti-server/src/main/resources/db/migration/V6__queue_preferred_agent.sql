-- Whom a queue's callers are first offered to (/api/v1/queues "preferredAgent"): the agent who last spoke to
-- the caller, for at most timeout_seconds after the caller entered the queue, then the queue's strategy.
-- A queue without a row has no preference. Who spoke to whom is not here: it lives in Hazelcast, by digest.

CREATE TABLE queue_preferred_agent (
    queue_id         VARCHAR(64)  NOT NULL,
    last_agent       BOOLEAN      NOT NULL,
    timeout_seconds  INT          NOT NULL,
    PRIMARY KEY (queue_id),
    CONSTRAINT ck_queue_preferred_agent_timeout CHECK (timeout_seconds BETWEEN 1 AND 86400),
    CONSTRAINT fk_queue_preferred_agent_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
