-- Compliance gate (issue 6): when a deferred lead may be tried again, beside the decision that deferred it, so
-- the audit answers "when will it be called?" as well as "why not now?". NULL for dialled and skipped rows.
ALTER TABLE dial_audit ADD COLUMN retry_at DATETIME(3) NULL;
