-- Outbound campaigns (issue 6): what V1's campaigns, leads and dnc_entries lacked, and the audit of every dial
-- decision. docs/dialer.md says who writes and reads each column.
--
-- Campaign settings the dialer and the compliance gate need. The abandon target moves to percent (the API's
-- unit); V1's fraction column max_abandon_rate stays for old rows but nothing reads it.
ALTER TABLE campaigns ADD COLUMN jurisdiction VARCHAR(16) NOT NULL DEFAULT 'us';
ALTER TABLE campaigns ADD COLUMN abandon_target_percent DECIMAL(5,2) NOT NULL DEFAULT 2.00;
ALTER TABLE campaigns ADD COLUMN dial_ratio DECIMAL(4,2) NOT NULL DEFAULT 1.00;
ALTER TABLE campaigns ADD COLUMN ring_timeout_seconds INT NOT NULL DEFAULT 25;
ALTER TABLE campaigns ADD COLUMN machine_action VARCHAR(16) NOT NULL DEFAULT 'hangup';
ALTER TABLE campaigns ADD COLUMN machine_message VARCHAR(256) NULL;
ALTER TABLE campaigns ADD COLUMN safe_harbour_message VARCHAR(256) NULL;
ALTER TABLE campaigns ADD COLUMN default_region CHAR(2) NOT NULL DEFAULT 'US';
ALTER TABLE campaigns DROP CONSTRAINT ck_campaigns_mode;
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_mode
    CHECK (dialing_mode IN ('preview', 'progressive', 'power', 'predictive', 'agentless'));
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_jurisdiction CHECK (jurisdiction IN ('us', 'uk', 'ca'));
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_abandon_target CHECK (abandon_target_percent BETWEEN 0 AND 100);
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_dial_ratio CHECK (dial_ratio BETWEEN 1 AND 10);
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_ring CHECK (ring_timeout_seconds BETWEEN 15 AND 120);
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_machine CHECK (machine_action IN ('hangup', 'message', 'agent'));

-- Days a campaign does not call, in the callee's local calendar.
CREATE TABLE campaign_holidays (
    campaign_id   VARCHAR(64)  NOT NULL,
    holiday       DATE         NOT NULL,
    PRIMARY KEY (campaign_id, holiday),
    CONSTRAINT fk_campaign_holidays_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- The caller ids a campaign presents; the one whose area code matches the callee's is used (local presence).
CREATE TABLE campaign_caller_ids (
    campaign_id   VARCHAR(64)  NOT NULL,
    phone         VARCHAR(16)  NOT NULL,
    PRIMARY KEY (campaign_id, phone),
    CONSTRAINT fk_campaign_caller_ids_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- Recycle rules: after a dial ends with this result (busy, no-answer, machine, abandoned, failed, or an agent's
-- disposition slug), try the lead again after retry_after_seconds, at most max_attempts times in all.
CREATE TABLE campaign_recycle_rules (
    campaign_id          VARCHAR(64)  NOT NULL,
    result               VARCHAR(32)  NOT NULL,
    retry_after_seconds  INT          NOT NULL,
    max_attempts         INT          NOT NULL,
    PRIMARY KEY (campaign_id, result),
    CONSTRAINT ck_campaign_recycle CHECK (retry_after_seconds >= 0 AND max_attempts >= 1),
    CONSTRAINT fk_campaign_recycle_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- A campaign's lists. Leads of an active list are dialled by priority (higher first); lists of the same
-- priority are mixed by weight (a list of weight 3 gives three leads for every one of a list of weight 1).
CREATE TABLE lead_lists (
    id            VARCHAR(64)  NOT NULL,
    campaign_id   VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    priority      INT          NOT NULL DEFAULT 0,
    mix_weight    INT          NOT NULL DEFAULT 1,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_lead_lists_weight CHECK (mix_weight >= 1),
    CONSTRAINT fk_lead_lists_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_lead_lists_campaign ON lead_lists (campaign_id, active, priority);

-- Where a lead's time zone came from (lead: its own time zone field; region: its state or postcode;
-- number: libphonenumber's time-zone mapper), its list, the region fields it came with, the last abandon
-- (no redial for 72 h after one) and a scheduled callback (an agent's "call back Tuesday at 10").
ALTER TABLE leads ADD COLUMN list_id VARCHAR(64) NULL;
ALTER TABLE leads ADD COLUMN time_zone_source VARCHAR(16) NULL;
ALTER TABLE leads ADD COLUMN region VARCHAR(64) NULL;
ALTER TABLE leads ADD COLUMN postcode VARCHAR(16) NULL;
ALTER TABLE leads ADD COLUMN last_abandoned_at DATETIME(3) NULL;
ALTER TABLE leads ADD COLUMN callback_agent_id VARCHAR(64) NULL;
ALTER TABLE leads ADD COLUMN import_row INT NULL;
ALTER TABLE leads ADD CONSTRAINT ck_leads_time_zone_source CHECK (time_zone_source IN ('lead', 'region', 'number'));
ALTER TABLE leads ADD CONSTRAINT fk_leads_list FOREIGN KEY (list_id) REFERENCES lead_lists (id) ON DELETE CASCADE;
ALTER TABLE leads DROP CONSTRAINT ck_leads_state;
ALTER TABLE leads ADD CONSTRAINT ck_leads_state
    CHECK (state IN ('new', 'scheduled', 'callback', 'dialing', 'completed', 'failed', 'exhausted', 'dnc'));

-- DNC: source is 'internal' (an opt-out captured on a call or by an operator), 'campaign' (campaign_id set)
-- or 'imported:<list name>' (a national or purchased list).
CREATE INDEX ix_dnc_entries_source ON dnc_entries (source);

-- One row per dial decision, dialled or not, with every fact the decision used: an operator answers
-- "why was this number called at 20:58?" from this table alone. Kept as history (no foreign keys).
CREATE TABLE dial_audit (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    decided_at          DATETIME(3)  NOT NULL,
    campaign_id         VARCHAR(64)  NOT NULL,
    lead_id             BIGINT       NOT NULL,
    phone               VARCHAR(16)  NOT NULL,
    decision            VARCHAR(16)  NOT NULL,
    reason              VARCHAR(64)  NOT NULL,
    detail              VARCHAR(512) NULL,
    call_id             VARCHAR(64)  NULL,
    caller_id           VARCHAR(16)  NULL,
    callee_time_zone    VARCHAR(64)  NULL,
    time_zone_source    VARCHAR(16)  NULL,
    callee_local_time   DATETIME     NULL,
    attempt             INT          NOT NULL,
    dnc_source          VARCHAR(64)  NULL,
    abandon_rate_24h    DECIMAL(6,3) NULL,
    abandon_rate_30d    DECIMAL(6,3) NULL,
    abandon_budget      INT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_dial_audit_decision CHECK (decision IN ('dialled', 'skipped', 'deferred'))
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_dial_audit_lead ON dial_audit (lead_id, decided_at);
CREATE INDEX ix_dial_audit_phone ON dial_audit (phone, decided_at);
CREATE INDEX ix_dial_audit_campaign ON dial_audit (campaign_id, decided_at);

-- How each campaign call ended, one row per call, written by the dialer when the call ends. The abandon
-- rate per campaign over rolling 24 hours and 30 days (and the Ofcom estimate of answering-machine false
-- positives) is counted from these rows when a node starts and kept live afterwards.
-- result: connected, abandoned, machine, machine-message, no-answer, busy, failed.
CREATE TABLE campaign_call_results (
    call_id       VARCHAR(64)  NOT NULL,
    campaign_id   VARCHAR(64)  NOT NULL,
    lead_id       BIGINT       NOT NULL,
    ended_at      DATETIME(3)  NOT NULL,
    result        VARCHAR(32)  NOT NULL,
    PRIMARY KEY (call_id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
CREATE INDEX ix_campaign_call_results ON campaign_call_results (campaign_id, ended_at);
