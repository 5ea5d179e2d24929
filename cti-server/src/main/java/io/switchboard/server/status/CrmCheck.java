package io.switchboard.server.status;

import io.switchboard.core.port.CrmConnector;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A CRM connector: {@code disabled}; {@code configured} while its circuit breaker is closed (no network call is
 * made for the check: the connector's own calls say how the CRM is doing); {@code down} while the circuit is open
 * or half-open after repeated failures. Call logs held back meanwhile show on the {@code crm/outbox} line.
 */
public final class CrmCheck implements StatusCheck {

  private final String crm;
  private final boolean enabled;
  private final Optional<CrmConnector> connector;

  /** A check of the config alone, for a CRM without a running connector. */
  public CrmCheck(String crm, boolean enabled) {
    this(crm, enabled, Optional.empty());
  }

  public CrmCheck(String crm, boolean enabled, Optional<CrmConnector> connector) {
    this.crm = crm;
    this.enabled = enabled;
    this.connector = connector;
  }

  @Override
  public String name() {
    return "crm/" + crm;
  }

  @Override
  public String kind() {
    return "crm";
  }

  @Override
  public boolean requiredForReadiness() {
    return false;
  }

  @Override
  public Future<CheckResult> check() {
    if (!enabled) {
      return Future.succeededFuture(CheckResult.of(DependencyState.DISABLED, "crm." + crm + ".enabled is false"));
    }
    Optional<String> circuit = connector.flatMap(CrmConnector::circuitState);
    if (circuit.isEmpty() || circuit.get().equals("closed")) {
      return Future.succeededFuture(CheckResult.of(DependencyState.CONFIGURED,
          circuit.isEmpty() ? "enabled with credentials; not contacted yet"
              : "enabled; circuit closed (its last calls answered, or none was needed)"));
    }
    return Future.succeededFuture(CheckResult.of(DependencyState.DOWN, "circuit " + circuit.get()
        + " after repeated failures: lookups answer 'unavailable' at once and call logs wait in the outbox"));
  }
}
