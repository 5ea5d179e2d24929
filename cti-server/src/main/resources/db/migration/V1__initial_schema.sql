-- Switchboard initial schema (MariaDB 10.6+, InnoDB, utf8mb4).
--
-- Conventions:
--   * every timestamp is DATETIME(3) holding UTC; the application never relies on the session time zone;
--   * phone numbers are E.164 ('+' and up to 15 digits), so VARCHAR(16);
--   * directory tables (agents, skills, queues, campaigns, leads) use foreign keys;
--   * history tables (calls, call_legs' agents, queue_log, audit_log) keep ids as plain indexed columns,
--     so history survives the removal of an agent or queue and a write never fails because a queue
--     lives only in the configuration file.
-- jOOQ generates its classes from this file (DDLDatabase), so table options it cannot parse sit
-- between the [jooq ignore start] / [jooq ignore stop] markers.

CREATE TABLE agents (
    id            VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    device        VARCHAR(128) NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE skills (
    id            VARCHAR(64)  NOT NULL,
    description   VARCHAR(256) NULL,
    PRIMARY KEY (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE agent_skills (
    agent_id      VARCHAR(64)  NOT NULL,
    skill_id      VARCHAR(64)  NOT NULL,
    proficiency   TINYINT      NOT NULL,
    PRIMARY KEY (agent_id, skill_id),
    CONSTRAINT ck_agent_skills_proficiency CHECK (proficiency BETWEEN 1 AND 10),
    CONSTRAINT fk_agent_skills_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_skills_skill FOREIGN KEY (skill_id) REFERENCES skills (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
-- "which agents have skill X at proficiency >= n"
CREATE INDEX ix_agent_skills_skill ON agent_skills (skill_id, proficiency);

CREATE TABLE queues (
    id                      VARCHAR(64)  NOT NULL,
    display_name            VARCHAR(128) NOT NULL,
    strategy                VARCHAR(32)  NOT NULL,
    required_skill_id       VARCHAR(64)  NULL,
    min_proficiency         TINYINT      NULL,
    priority                INT          NOT NULL DEFAULT 0,
    ring_timeout_seconds    INT          NOT NULL DEFAULT 15,
    wrap_up_seconds         INT          NOT NULL DEFAULT 0,
    max_wait_seconds        INT          NULL,
    max_waiting_calls       INT          NULL,
    service_level_seconds   INT          NOT NULL DEFAULT 20,
    auto_pause_on_no_answer BOOLEAN      NOT NULL DEFAULT FALSE,
    music_class             VARCHAR(64)  NULL,
    enabled                 BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at              DATETIME(3)  NOT NULL,
    updated_at              DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_queues_timers CHECK (ring_timeout_seconds > 0 AND wrap_up_seconds >= 0 AND service_level_seconds > 0),
    CONSTRAINT ck_queues_min_proficiency CHECK (min_proficiency BETWEEN 1 AND 10),
    CONSTRAINT fk_queues_skill FOREIGN KEY (required_skill_id) REFERENCES skills (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE queue_members (
    queue_id      VARCHAR(64)  NOT NULL,
    agent_id      VARCHAR(64)  NOT NULL,
    penalty       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (queue_id, agent_id),
    CONSTRAINT ck_queue_members_penalty CHECK (penalty >= 0),
    CONSTRAINT fk_queue_members_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_members_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
-- "which queues does this agent serve"
CREATE INDEX ix_queue_members_agent ON queue_members (agent_id);

CREATE TABLE campaigns (
    id                   VARCHAR(64)   NOT NULL,
    display_name         VARCHAR(128)  NOT NULL,
    dialing_mode         VARCHAR(16)   NOT NULL,
    state                VARCHAR(16)   NOT NULL DEFAULT 'draft',
    queue_id             VARCHAR(64)   NULL,
    caller_id            VARCHAR(16)   NULL,
    max_attempts         INT           NOT NULL DEFAULT 3,
    retry_delay_seconds  INT           NOT NULL DEFAULT 3600,
    max_abandon_rate     DECIMAL(5,4)  NOT NULL DEFAULT 0.0300,
    window_start         TIME          NOT NULL DEFAULT '09:00:00',
    window_end           TIME          NOT NULL DEFAULT '21:00:00',
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_campaigns_mode CHECK (dialing_mode IN ('preview', 'progressive', 'predictive')),
    CONSTRAINT ck_campaigns_state CHECK (state IN ('draft', 'running', 'paused', 'completed')),
    CONSTRAINT ck_campaigns_attempts CHECK (max_attempts >= 1 AND retry_delay_seconds >= 0),
    CONSTRAINT ck_campaigns_abandon CHECK (max_abandon_rate BETWEEN 0 AND 1),
    CONSTRAINT fk_campaigns_queue FOREIGN KEY (queue_id) REFERENCES queues (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_campaigns_state ON campaigns (state);

CREATE TABLE leads (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    campaign_id      VARCHAR(64)   NOT NULL,
    phone            VARCHAR(16)   NOT NULL,
    time_zone        VARCHAR(64)   NULL,
    state            VARCHAR(16)   NOT NULL DEFAULT 'new',
    priority         INT           NOT NULL DEFAULT 0,
    attempts         INT           NOT NULL DEFAULT 0,
    last_attempt_at  DATETIME(3)   NULL,
    next_attempt_at  DATETIME(3)   NULL,
    last_disposition VARCHAR(32)   NULL,
    external_ref     VARCHAR(128)  NULL,
    payload          JSON          NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_leads_campaign_phone UNIQUE (campaign_id, phone),
    CONSTRAINT ck_leads_state CHECK (state IN ('new', 'scheduled', 'dialing', 'completed', 'failed', 'exhausted', 'dnc')),
    CONSTRAINT ck_leads_attempts CHECK (attempts >= 0),
    CONSTRAINT fk_leads_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
-- the dialer's "next leads due in this campaign" scan
CREATE INDEX ix_leads_due ON leads (campaign_id, state, next_attempt_at, priority);
-- "is this number already in some list" (DNC sweeps, inbound lookups)
CREATE INDEX ix_leads_phone ON leads (phone);
CREATE INDEX ix_leads_external_ref ON leads (external_ref);

CREATE TABLE dnc_entries (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    phone         VARCHAR(16)   NOT NULL,
    source        VARCHAR(32)   NOT NULL,
    campaign_id   VARCHAR(64)   NULL,
    reason        VARCHAR(256)  NULL,
    added_by      VARCHAR(128)  NULL,
    added_at      DATETIME(3)   NOT NULL,
    expires_at    DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_dnc_entries_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
-- every dial checks "is this number blocked, globally (campaign_id NULL) or for this campaign"
CREATE INDEX ix_dnc_entries_phone ON dnc_entries (phone, campaign_id);

CREATE TABLE calls (
    id               VARCHAR(64)   NOT NULL,
    direction        VARCHAR(16)   NOT NULL,
    from_number      VARCHAR(16)   NULL,
    to_number        VARCHAR(16)   NULL,
    pbx_id           VARCHAR(64)   NULL,
    queue_id         VARCHAR(64)   NULL,
    agent_id         VARCHAR(64)   NULL,
    campaign_id      VARCHAR(64)   NULL,
    lead_id          BIGINT        NULL,
    started_at       DATETIME(3)   NOT NULL,
    queued_at        DATETIME(3)   NULL,
    answered_at      DATETIME(3)   NULL,
    ended_at         DATETIME(3)   NULL,
    wrap_up_ended_at DATETIME(3)   NULL,
    disposition      VARCHAR(32)   NULL,
    end_reason       VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_calls_direction CHECK (direction IN ('inbound', 'outbound', 'internal'))
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
-- KPIs and reports slice calls by time, per queue, per agent, per campaign
CREATE INDEX ix_calls_started ON calls (started_at);
CREATE INDEX ix_calls_queue_started ON calls (queue_id, started_at);
CREATE INDEX ix_calls_agent_started ON calls (agent_id, started_at);
CREATE INDEX ix_calls_campaign_started ON calls (campaign_id, started_at);
-- caller history for screen pops and callbacks
CREATE INDEX ix_calls_from ON calls (from_number, started_at);
CREATE INDEX ix_calls_to ON calls (to_number, started_at);
CREATE INDEX ix_calls_lead ON calls (lead_id);

CREATE TABLE call_legs (
    id            VARCHAR(64)   NOT NULL,
    call_id       VARCHAR(64)   NOT NULL,
    seq           INT           NOT NULL,
    role          VARCHAR(16)   NOT NULL,
    party_number  VARCHAR(16)   NULL,
    agent_id      VARCHAR(64)   NULL,
    endpoint      VARCHAR(128)  NULL,
    created_at    DATETIME(3)   NOT NULL,
    answered_at   DATETIME(3)   NULL,
    ended_at      DATETIME(3)   NULL,
    end_reason    VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_call_legs_call_seq UNIQUE (call_id, seq),
    CONSTRAINT ck_call_legs_role CHECK (role IN ('caller', 'agent', 'customer', 'consult', 'transfer')),
    CONSTRAINT fk_call_legs_call FOREIGN KEY (call_id) REFERENCES calls (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_call_legs_agent ON call_legs (agent_id, created_at);

-- Same shape as Asterisk's realtime queue_log table (queue_log => odbc/mysql in extconfig.conf), so
-- existing queue_log reporting tools read Switchboard's routing decisions unchanged. `data` holds the
-- pipe-joined arguments for tools that read the single-column layout; data1..data5 hold them split.
CREATE TABLE queue_log (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    `time`     DATETIME(6)   NOT NULL,
    callid     VARCHAR(80)   NOT NULL DEFAULT '',
    queuename  VARCHAR(256)  NOT NULL DEFAULT '',
    agent      VARCHAR(80)   NOT NULL DEFAULT '',
    event      VARCHAR(32)   NOT NULL DEFAULT '',
    `data`     VARCHAR(512)  NOT NULL DEFAULT '',
    data1      VARCHAR(100)  NOT NULL DEFAULT '',
    data2      VARCHAR(100)  NOT NULL DEFAULT '',
    data3      VARCHAR(100)  NOT NULL DEFAULT '',
    data4      VARCHAR(100)  NOT NULL DEFAULT '',
    data5      VARCHAR(100)  NOT NULL DEFAULT '',
    PRIMARY KEY (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_queue_log_time ON queue_log (`time`);
CREATE INDEX ix_queue_log_callid ON queue_log (callid);
CREATE INDEX ix_queue_log_queue_time ON queue_log (queuename, `time`);
CREATE INDEX ix_queue_log_agent_time ON queue_log (agent, `time`);
CREATE INDEX ix_queue_log_event_time ON queue_log (event, `time`);

-- Who did what, when and why. `details` carries the before/after or request payload as JSON.
CREATE TABLE audit_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME(3)   NOT NULL,
    actor        VARCHAR(128)  NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    entity_type  VARCHAR(32)   NULL,
    entity_id    VARCHAR(128)  NULL,
    reason       VARCHAR(512)  NULL,
    details      JSON          NULL,
    PRIMARY KEY (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id, occurred_at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, occurred_at);
