-- A queue exit may call the caller back instead of letting them go (action 'callback', for the reasons
-- timeout and leaveempty only: a caller turned away on arrival has no place to keep). The queue's
-- queue_callback row, or the defaults, give the attempts.
ALTER TABLE queue_exits DROP CONSTRAINT ck_queue_exits_action;
ALTER TABLE queue_exits ADD CONSTRAINT ck_queue_exits_action CHECK (
    (action = 'overflow' AND target_queue_id IS NOT NULL)
    OR (action = 'extension' AND context IS NOT NULL AND extension IS NOT NULL)
    OR action = 'hangup'
    OR (action = 'callback' AND reason IN ('timeout', 'leaveempty')));
