-- CRM (issue 7). crm_outbox: the durable call-log outbox. One row per call log and enabled connector, unique on
-- (connector, idempotency_key) so a log enqueued twice (a retried write, two nodes) is stored once. The log itself
-- is JSON (CrmCallLogCodec, versioned by log_version). A dispatcher claims due pending rows with
-- SELECT ... FOR UPDATE SKIP LOCKED, pushes claimed_until/next_attempt_at past its call to the CRM (a lease: a node
-- that dies mid-call leaves the row to another node once the lease runs out), then marks the row logged with the
-- CRM's record id, reschedules it, or marks it failed. last_error never holds a phone number in full or a secret.
CREATE TABLE crm_outbox (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    connector        VARCHAR(32)  NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    call_id          VARCHAR(64)  NOT NULL,
    log_version      INT          NOT NULL,
    call_log         TEXT         NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL,
    next_attempt_at  DATETIME(3)  NOT NULL,
    last_error       VARCHAR(512) NULL,
    record_id        VARCHAR(128) NULL,
    created_at       DATETIME(3)  NOT NULL,
    logged_at        DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_crm_outbox_key UNIQUE (connector, idempotency_key),
    CONSTRAINT ck_crm_outbox_state CHECK (state IN ('pending', 'logged', 'failed')),
    CONSTRAINT ck_crm_outbox_attempts CHECK (attempts >= 0)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX ix_crm_outbox_due ON crm_outbox (state, next_attempt_at);

-- An agent's user id in each CRM, so a record's owner maps back to an agent (routing to the account owner) and
-- Zendesk can pop server-side to the agent's browser. crm is a connector name: salesforce, hubspot, zendesk.
CREATE TABLE agent_crm_users (
    agent_id     VARCHAR(64)  NOT NULL,
    crm          VARCHAR(32)  NOT NULL,
    crm_user_id  VARCHAR(128) NOT NULL,
    PRIMARY KEY (agent_id, crm),
    CONSTRAINT uq_agent_crm_users_user UNIQUE (crm, crm_user_id),
    CONSTRAINT fk_agent_crm_users_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
