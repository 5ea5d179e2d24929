-- How long a queue must stay empty under its leave_when_empty conditions before its waiting callers leave
-- (/api/v1/queues "leaveWhenEmptyAfterSeconds", mod_callcenter's max-wait-time-with-no-agent). NULL or 0:
-- they leave the moment it is empty, as app_queue's leavewhenempty.

ALTER TABLE queues ADD COLUMN leave_when_empty_after_seconds INT NULL;
ALTER TABLE queues ADD CONSTRAINT ck_queues_leave_when_empty_after
    CHECK (leave_when_empty_after_seconds IS NULL OR leave_when_empty_after_seconds BETWEEN 0 AND 86400);
