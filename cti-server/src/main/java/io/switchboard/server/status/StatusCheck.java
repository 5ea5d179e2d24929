package io.switchboard.server.status;

import io.vertx.core.Future;

/**
 * One dependency as reported by {@code /status}: the database, the Hazelcast member, each PBX
 * connection, each CRM. Later features plug their own checks into the {@link StatusRegistry}.
 */
public interface StatusCheck {

  /** Unique and stable: {@code database}, {@code hazelcast}, {@code pbx/main}, {@code crm/zendesk}. */
  String name();

  /** The family: {@code database}, {@code hazelcast}, {@code pbx}, {@code crm}. */
  String kind();

  /** True if {@code /health/ready} must answer 503 while this dependency is not {@link DependencyState#UP}. */
  boolean requiredForReadiness();

  /** Runs the check without blocking the caller; a failed future counts as {@link DependencyState#DOWN}. */
  Future<CheckResult> check();
}
