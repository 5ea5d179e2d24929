-- Several PBXs, one agent pool (issue 8): whether a queue's callers go only to agents whose phone is on the
-- caller's PBX ('local', what every queue did before, and the default) or also to agents on another PBX that the
-- caller's PBX reaches through a configured trunk ('any'; /api/v1/queues "agentScope", docs/routing.md).
ALTER TABLE queues ADD COLUMN agent_scope VARCHAR(8) NOT NULL DEFAULT 'local';
ALTER TABLE queues ADD CONSTRAINT ck_queues_agent_scope CHECK (agent_scope IN ('local', 'any'));
