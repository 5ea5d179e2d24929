-- Queue rules that act on the caller, set through /api/v1/queues:
--   * queues.join_when_empty / leave_when_empty: the member conditions (comma-separated: paused, in_use,
--     ringing, wrap_up, unavailable, unqualified) under which a member does not count; NULL: no such rule;
--   * queue_exits: where a caller goes per reason (timeout, full, joinempty, leaveempty): another queue
--     (overflow), an extension in the admin's dialplan, or a hang-up. A reason without a row hangs up.
-- An overflow names an existing queue; such a queue cannot be deleted while another overflows to it.

ALTER TABLE queues ADD COLUMN join_when_empty VARCHAR(200) NULL;
ALTER TABLE queues ADD COLUMN leave_when_empty VARCHAR(200) NULL;

CREATE TABLE queue_exits (
    queue_id         VARCHAR(64)  NOT NULL,
    reason           VARCHAR(16)  NOT NULL,
    action           VARCHAR(16)  NOT NULL,
    target_queue_id  VARCHAR(64)  NULL,
    context          VARCHAR(80)  NULL,
    extension        VARCHAR(80)  NULL,
    PRIMARY KEY (queue_id, reason),
    CONSTRAINT ck_queue_exits_action CHECK (
        (action = 'overflow' AND target_queue_id IS NOT NULL)
        OR (action = 'extension' AND context IS NOT NULL AND extension IS NOT NULL)
        OR action = 'hangup'),
    CONSTRAINT fk_queue_exits_queue FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_exits_target FOREIGN KEY (target_queue_id) REFERENCES queues (id)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- A caller a rule sent to an extension gets an 'exit' leg (endpoint <extension>@<context>).
ALTER TABLE call_legs DROP CONSTRAINT ck_call_legs_role;
ALTER TABLE call_legs ADD CONSTRAINT ck_call_legs_role
    CHECK (role IN ('caller', 'agent', 'customer', 'consult', 'transfer', 'exit'));
