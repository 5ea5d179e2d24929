-- A queue's whole routing configuration, set through /api/v1/queues:
--   * queues.ring_interval_seconds: how often ring-progressively adds one more agent (NULL: 10 s);
--   * queue_required_skills: every skill the queue's agents need, replacing the single
--     queues.required_skill_id / min_proficiency pair (copied over, then no longer read);
--   * queue_member_order: the order linear, round-robin-memory and ring-progressively follow;
--   * queue_workflow_steps with their targets (queue_step_skills, queue_step_agents): the escalation steps.
-- Skills are checked against the skills catalogue, which creating an agent fills.

ALTER TABLE queues ADD COLUMN ring_interval_seconds INT NULL;

CREATE TABLE queue_required_skills (
    queue_id       VARCHAR(64)  NOT NULL,
    skill_id       VARCHAR(64)  NOT NULL,
    minimum_level  TINYINT      NOT NULL,
    PRIMARY KEY (queue_id, skill_id),
    CONSTRAINT ck_queue_required_skills_level CHECK (minimum_level BETWEEN 1 AND 10),
    CONSTRAINT fk_queue_required_skills_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_required_skills_skill FOREIGN KEY (skill_id) REFERENCES skills (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

/* [jooq ignore start] */
INSERT INTO queue_required_skills (queue_id, skill_id, minimum_level)
SELECT id, required_skill_id, COALESCE(min_proficiency, 1) FROM queues WHERE required_skill_id IS NOT NULL;
/* [jooq ignore stop] */

CREATE TABLE queue_member_order (
    queue_id   VARCHAR(64)  NOT NULL,
    position   INT          NOT NULL,
    agent_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (queue_id, position),
    CONSTRAINT uq_queue_member_order_agent UNIQUE (queue_id, agent_id),
    CONSTRAINT fk_queue_member_order_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_member_order_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE queue_workflow_steps (
    queue_id                    VARCHAR(64)  NOT NULL,
    position                    INT          NOT NULL,
    timeout_seconds             INT          NOT NULL,
    priority                    INT          NOT NULL DEFAULT 0,
    skip_when_none_available    BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (queue_id, position),
    CONSTRAINT ck_queue_workflow_steps_values CHECK (timeout_seconds >= 0 AND priority >= 0),
    CONSTRAINT fk_queue_workflow_steps_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE queue_step_skills (
    queue_id       VARCHAR(64)  NOT NULL,
    position       INT          NOT NULL,
    skill_id       VARCHAR(64)  NOT NULL,
    minimum_level  TINYINT      NOT NULL,
    PRIMARY KEY (queue_id, position, skill_id),
    CONSTRAINT ck_queue_step_skills_level CHECK (minimum_level BETWEEN 1 AND 10),
    CONSTRAINT fk_queue_step_skills_step FOREIGN KEY (queue_id, position)
        REFERENCES queue_workflow_steps (queue_id, position) ON DELETE CASCADE,
    CONSTRAINT fk_queue_step_skills_skill FOREIGN KEY (skill_id) REFERENCES skills (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE queue_step_agents (
    queue_id   VARCHAR(64)  NOT NULL,
    position   INT          NOT NULL,
    agent_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (queue_id, position, agent_id),
    CONSTRAINT fk_queue_step_agents_step FOREIGN KEY (queue_id, position)
        REFERENCES queue_workflow_steps (queue_id, position) ON DELETE CASCADE,
    CONSTRAINT fk_queue_step_agents_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
