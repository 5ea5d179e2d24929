package io.switchboard.server.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusRegistryTest {

  private static StatusCheck check(String name, boolean required, Future<CheckResult> result) {
    return new StatusCheck() {
      @Override public String name() { return name; }
      @Override public String kind() { return name; }
      @Override public boolean requiredForReadiness() { return required; }
      @Override public Future<CheckResult> check() { return result; }
    };
  }

  @Test
  void a_failed_check_is_reported_down_with_its_reason() {
    StatusRegistry registry = new StatusRegistry(Duration.ofSeconds(1))
        .register(check("database", true, Future.failedFuture("connection refused")));

    StatusReport report = registry.run(false).result();

    assertThat(report.ready()).isFalse();
    assertThat(report.overall()).isEqualTo("down");
    assertThat(report.dependencies().get(0).result())
        .isEqualTo(CheckResult.down("connection refused"));
  }

  @Test
  void optional_problems_degrade_but_do_not_block_readiness() {
    StatusRegistry registry = new StatusRegistry(Duration.ofSeconds(1))
        .register(check("database", true, Future.succeededFuture(CheckResult.up("ok", java.util.Map.of()))))
        .register(check("pbx/main", false, Future.succeededFuture(
            CheckResult.down("connection refused"))));

    StatusReport report = registry.run(false).result();

    assertThat(report.ready()).isTrue();
    assertThat(report.overall()).isEqualTo("degraded");
    assertThat(registry.run(true).result().dependencies()).hasSize(1);
  }

  @Test
  void names_are_unique() {
    StatusRegistry registry = new StatusRegistry(Duration.ofSeconds(1))
        .register(new CrmCheck("zendesk", false));

    assertThatThrownBy(() -> registry.register(new CrmCheck("zendesk", true)))
        .hasMessageContaining("crm/zendesk");
  }

  @Test
  void a_crm_is_disabled_or_configured_without_network_calls() {
    assertThat(new CrmCheck("hubspot", false).check().result().state()).isEqualTo(DependencyState.DISABLED);
    assertThat(new CrmCheck("hubspot", true).check().result().state()).isEqualTo(DependencyState.CONFIGURED);
  }

  @Test
  void a_crm_whose_circuit_is_open_is_down_and_configured_again_once_it_closes() {
    java.util.concurrent.atomic.AtomicReference<String> circuit = new java.util.concurrent.atomic.AtomicReference<>("open");
    io.switchboard.core.port.CrmConnector crm = new io.switchboard.core.port.CrmConnector() {
      @Override public String name() { return "zendesk"; }
      @Override public java.util.concurrent.CompletionStage<io.switchboard.core.crm.CrmLookup> lookup(
          io.switchboard.core.call.PhoneNumber number) { throw new UnsupportedOperationException(); }
      @Override public java.util.concurrent.CompletionStage<io.switchboard.core.crm.CrmLogResult> logCall(
          io.switchboard.core.crm.CallLog log) { throw new UnsupportedOperationException(); }
      @Override public java.util.Optional<String> circuitState() { return java.util.Optional.of(circuit.get()); }
    };
    CrmCheck check = new CrmCheck("zendesk", true, java.util.Optional.of(crm));

    CheckResult open = check.check().result();
    circuit.set("half-open");
    CheckResult trial = check.check().result();
    circuit.set("closed");
    CheckResult closed = check.check().result();

    assertThat(open.state()).isEqualTo(DependencyState.DOWN);
    assertThat(open.detail()).contains("circuit open");
    assertThat(trial.state()).isEqualTo(DependencyState.DOWN);
    assertThat(closed.state()).isEqualTo(DependencyState.CONFIGURED);
  }
}
