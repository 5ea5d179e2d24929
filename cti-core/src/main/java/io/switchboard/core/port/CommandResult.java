package io.switchboard.core.port;

import io.switchboard.core.Require;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a PBX answered to a call-control command. A {@link Failed} result is a
 * business outcome (the call had already hung up, the device does not exist);
 * a failed {@code CompletionStage} means the infrastructure broke (no
 * connection, timeout).
 */
public sealed interface CommandResult permits CommandResult.Accepted, CommandResult.Failed {

    /** The one {@link Accepted} value. */
    CommandResult ACCEPTED = new Accepted();

    /** The PBX accepted the command; its effects arrive later as {@code PbxEvent}s. */
    record Accepted() implements CommandResult {
    }

    /**
     * The PBX refused or could not carry out the command.
     *
     * @param errorId a stable slug, e.g. {@code call-not-found}, {@code device-not-found}
     * @param message what went wrong, for logs; must not contain full phone numbers
     */
    record Failed(String errorId, String message) implements CommandResult {
        public Failed {
            Require.nonBlank(errorId, "errorId");
            Require.nonBlank(message, "message");
        }
    }

    /** Whether the PBX accepted the command. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * The answer of several commands sent at once, read in the order sent: the first result that is not accepted,
     * or the first exceptional stage; {@link #ACCEPTED} when every one was.
     */
    static CompletionStage<CommandResult> firstRefusal(List<CompletionStage<CommandResult>> answers) {
        CompletionStage<CommandResult> chain = CompletableFuture.completedFuture(ACCEPTED);
        for (CompletionStage<CommandResult> answer : answers) {
            chain = chain.thenCompose(previous -> previous.isAccepted() ? answer
                    : CompletableFuture.completedFuture(previous));
        }
        return chain;
    }
}
