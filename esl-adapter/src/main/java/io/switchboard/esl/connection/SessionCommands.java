package io.switchboard.esl.connection;

import io.switchboard.core.id.CallId;
import io.switchboard.esl.EslSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link EslConnection} writes to a logged-in session besides the login: {@code api}, {@code bgapi} with a
 * {@code Job-UUID} chosen here, and the {@code exit} of a stop. Runs on the connection's context.
 */
final class SessionCommands {

    /** How long a stop waits for FreeSWITCH's {@code +OK bye} (fixture 01) before it closes the socket itself. */
    static final Duration EXIT_WAIT = Duration.ofMillis(500);

    private final Vertx vertx;
    private final EslSettings settings;
    private final BackgroundJobs jobs;

    SessionCommands(Vertx vertx, EslSettings settings, BackgroundJobs jobs) {
        this.vertx = vertx;
        this.settings = settings;
        this.jobs = jobs;
    }

    /** {@code api <line>}; the response body as sent. */
    Future<String> api(EslSession session, String line) {
        return session.send("api " + line + "\n\n").map(frame -> frame.body());
    }

    /** {@code bgapi <line>}; the job's outcome, at the latest a {@code TimedOut} after the reply timeout. */
    Future<JobOutcome> bgapi(EslSession session, String line, Optional<CallId> call) {
        String jobUuid = UUID.randomUUID().toString();
        Promise<JobOutcome> outcome = Promise.promise();
        Duration timeout = settings.replyTimeout();
        long timer = vertx.setTimer(timeout.toMillis(), id -> jobs.complete(jobUuid, new JobOutcome.TimedOut(timeout)));
        jobs.register(jobUuid, session, call, outcome, timer);
        session.send("bgapi " + line + "\nJob-UUID: " + jobUuid + "\n\n")
                .onSuccess(reply -> {
                    String text = reply.header("Reply-Text").orElse("");
                    if (!text.startsWith("+OK")) {
                        jobs.complete(jobUuid, new JobOutcome.Failed(text));
                    }
                })
                .onFailure(e -> jobs.complete(jobUuid, new JobOutcome.ConnectionLost(String.valueOf(e.getMessage()))));
        return outcome.future();
    }

    /**
     * {@code exit} on a logged-in session; completes on its reply, its loss, or after {@link #EXIT_WAIT} (at most
     * the reply timeout), whichever comes first. Never fails: a stop goes on either way.
     */
    Future<Void> exit(EslSession session) {
        if (!session.loggedIn()) {
            return Future.succeededFuture();
        }
        Promise<Void> said = Promise.promise();
        long wait = Math.max(1, Math.min(EXIT_WAIT.toMillis(), settings.replyTimeout().toMillis()));
        long timer = vertx.setTimer(wait, id -> said.tryComplete());
        session.send("exit\n\n").onComplete(reply -> {
            vertx.cancelTimer(timer);
            said.tryComplete();
        });
        return said.future();
    }
}
