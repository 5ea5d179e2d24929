-- API security (issue 7). api_tokens: long-lived bearer tokens for integrations (a CRM's server, a wallboard
-- screen, Prometheus). A token acts as its user (role, agent, teams). Only the SHA-256 of the token is stored
-- (hash, hex): the token itself is shown once, when it is made. revoked_at set = refused from then on;
-- expires_at NULL = never expires. last_used_at is written at most once a minute per token.
CREATE TABLE api_tokens (
    id            VARCHAR(36)  NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    name          VARCHAR(128) NOT NULL,
    hash          CHAR(64)     NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    expires_at    DATETIME(3)  NULL,
    revoked_at    DATETIME(3)  NULL,
    last_used_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_hash UNIQUE (hash)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX ix_api_tokens_user ON api_tokens (username);

-- admin_audit: every change an admin or supervisor made through the API, written after its status is known.
-- actor is the token's subject (a username, or "admin-token" for the configured admin token); target_id is the
-- route's {id} (or {username}, {phone} masked); detail is the request body with phone numbers masked and
-- passwords and tokens removed. Never updated, never deleted by Switchboard.
CREATE TABLE admin_audit (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    at         DATETIME(3)   NOT NULL,
    actor      VARCHAR(64)   NOT NULL,
    role       VARCHAR(16)   NOT NULL,
    method     VARCHAR(8)    NOT NULL,
    path       VARCHAR(512)  NOT NULL,
    target_id  VARCHAR(128)  NULL,
    status     INT           NOT NULL,
    detail     TEXT          NULL,
    PRIMARY KEY (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX ix_admin_audit_at ON admin_audit (at);
CREATE INDEX ix_admin_audit_actor ON admin_audit (actor, at);
