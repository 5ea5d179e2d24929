package io.switchboard.esl.control;

import io.switchboard.core.id.CallId;
import io.switchboard.esl.connection.EslConnection;
import io.switchboard.esl.connection.JobOutcome;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sends ESL commands without blocking: {@link EslConnection} in production ({@link #of}), a scripted fake in
 * tests. Stages may complete on any thread (the connection's event loop); {@link EslCallControl} hands every
 * result on to its own executor.
 */
public interface EslSender {

    /**
     * {@code api <command>}: the response body as sent (Quirk 3: may lack its trailing LF; an error is only
     * a {@code -ERR} body). Fails if not logged in or the reply is lost.
     */
    CompletionStage<String> api(String command);

    /**
     * {@code bgapi <command>} with a {@code Job-UUID} of the sender's choosing: the job's outcome, a value
     * once sent.
     *
     * @param call the call the job is for, so that a failed originate is reported as {@code OriginateFailed}
     */
    CompletionStage<JobOutcome> bgapi(String command, Optional<CallId> call);

    /** The commands of {@code connection}. */
    static EslSender of(EslConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return new EslSender() {
            @Override
            public CompletionStage<String> api(String command) {
                return connection.api(command).toCompletionStage();
            }

            @Override
            public CompletionStage<JobOutcome> bgapi(String command, Optional<CallId> call) {
                return connection.bgapi(command, call).toCompletionStage();
            }
        };
    }
}
