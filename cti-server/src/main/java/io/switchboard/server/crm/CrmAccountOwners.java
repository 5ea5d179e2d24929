package io.switchboard.server.crm;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.queue.routing.AccountOwners;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The account owner routing may prefer: the CRMs are asked in their configured order, and the first one that
 * finds exactly one record with an owner names the owner, mapped back to an agent through the agents' CRM user
 * ids. Several records, no owner, an owner who is no agent, or a CRM that is unavailable: no owner, so routing
 * goes on as if there were none (a CRM never fails routing).
 */
public final class CrmAccountOwners implements AccountOwners {

  /** Maps a CRM user to the agent it is. */
  public interface UserAgents {
    CompletionStage<Optional<AgentId>> agentFor(String crm, String userId);
  }

  private final List<CrmConnector> connectors;
  private final UserAgents agents;

  public CrmAccountOwners(List<CrmConnector> connectors, UserAgents agents) {
    this.connectors = List.copyOf(connectors);
    this.agents = agents;
  }

  @Override
  public CompletionStage<Optional<AgentId>> ownerOf(PhoneNumber caller) {
    return ask(caller, 0);
  }

  private CompletionStage<Optional<AgentId>> ask(PhoneNumber caller, int index) {
    if (index >= connectors.size()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    CrmConnector crm = connectors.get(index);
    return crm.lookup(caller).exceptionally(failure -> new CrmLookup.Unavailable("crm-failed", "lookup failed"))
        .thenCompose(answer -> owner(answer)
            .map(owner -> agents.agentFor(crm.name(), owner).thenCompose(agent -> agent.isPresent()
                ? CompletableFuture.completedFuture(agent) : ask(caller, index + 1)))
            .orElseGet(() -> ask(caller, index + 1)));
  }

  private static Optional<String> owner(CrmLookup answer) {
    if (answer instanceof CrmLookup.Matched m && m.unique()) {
      return m.matches().get(0).ownerId();
    }
    return Optional.empty();
  }
}
