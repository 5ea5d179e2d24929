-- API security (issue 7). api_users: who may sign in to the API and the pages, with a role (agent, supervisor,
-- admin), the agent they are (role agent; a supervisor may also be an agent), and the teams they belong to (an
-- agent) or supervise (a supervisor), comma-separated. password_hash is PBKDF2-HMAC-SHA256 with its own salt and
-- iteration count (Passwords); no password is ever stored or logged in clear.
CREATE TABLE api_users (
    username       VARCHAR(64)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    agent_id       VARCHAR(64)  NULL,
    teams          VARCHAR(1024) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (username),
    CONSTRAINT uq_api_users_agent UNIQUE (agent_id),
    CONSTRAINT ck_api_users_role CHECK (role IN ('agent', 'supervisor', 'admin'))
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
