-- Agentless campaigns (issue 6, docs/dialer.md "Agentless campaigns"): the message a live answer hears, how many
-- calls the campaign may have in flight at once (there are no agents to pace against), and the key that opts the
-- callee out. Set only for mode 'agentless'; an agentless campaign stored before this migration has none and is
-- not dialled until it is given them.
ALTER TABLE campaigns ADD COLUMN broadcast_message VARCHAR(256) NULL;
ALTER TABLE campaigns ADD COLUMN broadcast_lines INT NULL;
ALTER TABLE campaigns ADD COLUMN opt_out_digit CHAR(1) NULL;
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_broadcast_lines
    CHECK (broadcast_lines IS NULL OR broadcast_lines BETWEEN 1 AND 500);
