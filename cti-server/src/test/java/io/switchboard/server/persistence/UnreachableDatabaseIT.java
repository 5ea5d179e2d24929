package io.switchboard.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class UnreachableDatabaseIT {

  private static final String URL = "jdbc:mariadb://127.0.0.1:1/switchboard";
  private static final DatabaseSettings NOBODY_LISTENING = DatabaseSettings.external(URL, "switchboard", "s3cret");

  @Test
  void openFailsFastNamingTheUrlAndWhatWasTriedWithThePasswordMasked(Vertx vertx) {
    long started = System.nanoTime();

    DatabaseUnavailableException failure = catchThrowableOfType(DatabaseUnavailableException.class,
        () -> Database.open(vertx, NOBODY_LISTENING));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure.errorId()).isEqualTo("database-unreachable");
    assertThat(failure.getMessage())
        .contains(URL, "user switchboard", "password ****", "Tried: one connection attempt")
        .doesNotContain("s3cret");
  }

  @Test
  void aPasswordInTheUrlIsMaskedToo(Vertx vertx) {
    DatabaseSettings settings = DatabaseSettings.external(URL + "?user=sb&password=s3cret", null, null);

    DatabaseUnavailableException failure = catchThrowableOfType(DatabaseUnavailableException.class,
        () -> Database.open(vertx, settings));

    assertThat(failure.getMessage()).contains(URL + "?user=sb&password=****").doesNotContain("s3cret");
  }

  @Test
  void startingFromTheEventLoopFailsTheFutureInsteadOfBlocking(Vertx vertx, VertxTestContext test) {
    vertx.runOnContext(ignored -> Database.start(vertx, NOBODY_LISTENING)
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(failure).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining(URL);
          test.completeNow();
        }))));
  }

  @Test
  void theMigrateCommandFailsTheSameWay() {
    DatabaseUnavailableException failure = catchThrowableOfType(DatabaseUnavailableException.class,
        () -> Database.migrate(NOBODY_LISTENING));

    assertThat(failure.getMessage()).contains(URL, "Tried:").doesNotContain("s3cret");
  }
}
