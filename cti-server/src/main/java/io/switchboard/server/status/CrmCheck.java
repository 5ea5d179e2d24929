package io.switchboard.server.status;

import io.vertx.core.Future;

/** A CRM connector before its plugin exists: {@code disabled}, or {@code configured} without any network call. */
public final class CrmCheck implements StatusCheck {

  private final String crm;
  private final boolean enabled;

  public CrmCheck(String crm, boolean enabled) {
    this.crm = crm;
    this.enabled = enabled;
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
    return Future.succeededFuture(enabled
        ? CheckResult.of(DependencyState.CONFIGURED, "enabled with credentials; not contacted yet")
        : CheckResult.of(DependencyState.DISABLED, "crm." + crm + ".enabled is false"));
  }
}
