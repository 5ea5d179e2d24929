package io.switchboard.ami.control;

import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxUnavailableException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one action asynchronously and turns the answer into a {@link CommandResult}: {@code Response:
 * Success} is {@link CommandResult#ACCEPTED}; {@code Response: Error} is {@link CommandResult.Failed}
 * with a stable errorId (Asterisk refused). No connection and no answer in time are not answers: the
 * stage completes exceptionally with {@link PbxUnavailableException}. Stages complete on
 * {@code completions}, never on Asterisk-Java's reader thread.
 */
final class AmiCommands {

    /** Not logged in to AMI (not connected, reconnecting, login refused), or the socket write failed. */
    static final String NOT_CONNECTED = "ami-not-connected";

    /** The action was written but no response arrived within the response timeout. */
    static final String TIMEOUT = "ami-timeout";


    static final String NO_SUCH_CHANNEL = "ami-no-such-channel";
    static final String PERMISSION_DENIED = "ami-permission-denied";
    static final String UNKNOWN_ACTION = "ami-unknown-action";
    static final String ACTION_FAILED = "ami-action-failed";

    private final PbxId pbx;
    private final ActionSender sender;
    private final ScheduledExecutorService timer;
    private final Executor completions;
    private final Duration responseTimeout;

    AmiCommands(PbxId pbx, ActionSender sender, ScheduledExecutorService timer, Executor completions, Duration responseTimeout) {
        this.pbx = pbx;
        this.sender = sender;
        this.timer = timer;
        this.completions = completions;
        this.responseTimeout = responseTimeout;
    }

    CompletionStage<CommandResult> send(ManagerAction action) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        String name = action.getAction();
        ScheduledFuture<?> timeout = timer.schedule(() -> fail(result, new PbxUnavailableException(
                TIMEOUT, pbx, name + ": no response within " + responseTimeout.toMillis()
                + " ms")), responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            sender.send(action, response -> {
                timeout.cancel(false);
                complete(result, resultOf(name, response));
            });
        } catch (IllegalStateException | IOException e) {
            timeout.cancel(false);
            fail(result, new PbxUnavailableException(NOT_CONNECTED, pbx,
                    name + " not sent: " + e.getMessage()));
        }
        return result;
    }

    /**
     * Sends the actions one after the other, stopping at the first that is not accepted; an exceptional
     * stage (no connection, timeout) also stops the chain and is passed on as it is.
     */
    CompletionStage<CommandResult> sendAll(ManagerAction... actions) {
        CompletionStage<CommandResult> chain = CompletableFuture.completedFuture(CommandResult.ACCEPTED);
        for (ManagerAction action : actions) {
            chain = chain.thenCompose(previous -> previous.isAccepted() ? send(action)
                    : CompletableFuture.completedFuture(previous));
        }
        return chain;
    }

    /**
     * Sends the actions at once, without waiting for each answer, and answers as {@link #sendAll} would: the
     * first result that is not accepted, or the first exceptional stage, in the order sent. Asterisk's manager
     * runs one session's actions one at a time in the order it reads them, so the last action still runs after
     * the others; what changes is that it is sent even when an earlier one is refused. Only for a channel's
     * variables followed by moving that channel: Setvar is refused only for a missing channel (or a missing
     * {@code call} write class), which refuses the Redirect too. One round trip instead of one per action.
     */
    CompletionStage<CommandResult> sendAtOnce(ManagerAction... actions) {
        List<CompletionStage<CommandResult>> sent = new ArrayList<>(actions.length);
        for (ManagerAction action : actions) {
            sent.add(send(action));
        }
        return CommandResult.firstRefusal(sent);
    }

    static CommandResult resultOf(String action, ManagerResponse response) {
        if (!(response instanceof ManagerError)) {
            return CommandResult.ACCEPTED;
        }
        String message = response.getMessage() == null || response.getMessage().isBlank()
                ? "Response: Error" : response.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String errorId = lower.contains("no such channel") ? NO_SUCH_CHANNEL
                : lower.contains("permission denied") ? PERMISSION_DENIED
                : lower.startsWith("invalid/unknown command") ? UNKNOWN_ACTION
                : ACTION_FAILED;
        return new CommandResult.Failed(errorId, action + ": " + message);
    }

    private void complete(CompletableFuture<CommandResult> result, CommandResult value) {
        if (!result.isDone()) {
            completions.execute(() -> result.complete(value));
        }
    }

    private void fail(CompletableFuture<CommandResult> result, PbxUnavailableException cause) {
        if (!result.isDone()) {
            completions.execute(() -> result.completeExceptionally(cause));
        }
    }
}
