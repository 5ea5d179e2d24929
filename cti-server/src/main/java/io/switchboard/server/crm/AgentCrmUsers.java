package io.switchboard.server.crm;

import io.switchboard.core.id.AgentId;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Agents' user ids in each CRM ({@code agent_crm_users}, V17): who an agent is in Salesforce, HubSpot, Zendesk. */
public interface AgentCrmUsers {

  /** The agent's user id per CRM name; empty when none is set. */
  CompletionStage<Map<String, String>> of(AgentId agent);
}
