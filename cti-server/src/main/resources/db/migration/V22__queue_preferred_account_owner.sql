-- A queue's callers may go first to the owner of their CRM record (/api/v1/queues "preferredAgent.accountOwner"),
-- found by the enabled CRMs' lookup and mapped to an agent through agent_crm_users (V17); the call's first
-- decision waits at most account_owner_wait_ms for the CRMs. Rows written before keep their behaviour: no owner.
ALTER TABLE queue_preferred_agent ADD COLUMN account_owner BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE queue_preferred_agent ADD COLUMN account_owner_wait_ms INT NOT NULL DEFAULT 1000;
ALTER TABLE queue_preferred_agent ADD CONSTRAINT ck_queue_preferred_agent_owner_wait
    CHECK (account_owner_wait_ms BETWEEN 100 AND 5000);
