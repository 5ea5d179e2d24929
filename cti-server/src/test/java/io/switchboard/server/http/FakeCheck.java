package io.switchboard.server.http;

import io.switchboard.server.status.CheckResult;
import io.switchboard.server.status.DependencyState;
import io.switchboard.server.status.StatusCheck;
import io.vertx.core.Future;

/** A status check whose answer the test decides. */
record FakeCheck(String name, String kind, boolean requiredForReadiness, DependencyState state) implements StatusCheck {

  static FakeCheck required(String name, DependencyState state) {
    return new FakeCheck(name, name, true, state);
  }

  static FakeCheck optional(String name, String kind, DependencyState state) {
    return new FakeCheck(name, kind, false, state);
  }

  @Override
  public Future<CheckResult> check() {
    return Future.succeededFuture(CheckResult.of(state, name + " is " + state.wireName()));
  }
}
