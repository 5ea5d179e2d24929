package io.switchboard.server.status;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.util.Map;

/** The database: a ping through the pool on the {@code switchboard-db} workers. */
public final class DatabaseCheck implements StatusCheck {

  private final Database database;

  public DatabaseCheck(Database database) {
    this.database = database;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public String kind() {
    return "database";
  }

  @Override
  public boolean requiredForReadiness() {
    return true;
  }

  @Override
  public Future<CheckResult> check() {
    String where = database.describe();
    return database.ping()
        .map(v -> CheckResult.up("ping answered by " + where, Map.of("target", where)))
        .recover(failure -> Future.succeededFuture(
            new CheckResult(DependencyState.DOWN, "ping to " + where + " failed: " + failure.getMessage(),
                Map.of("target", where))));
  }
}
