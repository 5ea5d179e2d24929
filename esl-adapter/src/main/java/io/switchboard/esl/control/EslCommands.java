package io.switchboard.esl.control;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxUnavailableException;
import io.switchboard.esl.connection.JobOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sends one ESL command and turns the answer into a {@link CommandResult}. An {@code api} body is trimmed
 * (Quirk 3): {@code +OK...} is accepted; {@code -ERR No such channel!} is {@value #UNKNOWN_CALL}; any other
 * {@code -ERR} is {@value #REFUSED}. A {@code bgapi} job that ends with {@code -ERR <CAUSE>} (Quirk 9: busy,
 * no answer, a gateway down) was placed and failed as a call, not refused as a command: it is accepted, like
 * Asterisk's asynchronous Originate, and the cause arrives as {@code OriginateFailed}, so both PBXs report a
 * busy customer the same way whatever the timing. Any other {@code -ERR} is {@value #REFUSED}. A job that
 * succeeded, or still runs after the command timeout (an originate ends only once answered, Quirk 10), is
 * accepted too, and its end arrives as events ({@code LegAnswered}, {@code OriginateFailed}). No connection and no {@code api} reply in time are not answers: the stage fails
 * with {@link PbxUnavailableException}. Stages complete on {@code completions}, never on the socket's thread.
 */
final class EslCommands {

    /** Not logged in to the event socket, or the connection was lost before the reply. */
    static final String NOT_CONNECTED = "esl-not-connected";

    /** The command was written but no reply came within the command timeout; it may still take effect. */
    static final String TIMEOUT = "esl-timeout";

    static final String REFUSED = "esl-refused";
    static final String UNKNOWN_CALL = "unknown-call";

    private static final Pattern CAUSE = Pattern.compile("-ERR [A-Z_]+");

    private final PbxId pbx;
    private final EslSender sender;
    private final ScheduledExecutorService timer;
    private final Executor completions;
    private final Duration timeout;

    EslCommands(PbxId pbx, EslSender sender, ScheduledExecutorService timer, Executor completions, Duration timeout) {
        this.pbx = pbx;
        this.sender = sender;
        this.timer = timer;
        this.completions = completions;
        this.timeout = timeout;
    }

    /** {@code api <command>}, its trimmed body as the result. */
    CompletionStage<CommandResult> api(String command) {
        return apiBody(command).thenApply(body -> resultOf(command, body));
    }

    /** {@code api <command>} one after the other, stopping at the first that is not accepted. */
    CompletionStage<CommandResult> apiAll(String... commands) {
        CompletionStage<CommandResult> chain = CompletableFuture.completedFuture(CommandResult.ACCEPTED);
        for (String command : commands) {
            chain = chain.thenCompose(previous -> previous.isAccepted() ? api(command)
                    : CompletableFuture.completedFuture(previous));
        }
        return chain;
    }

    /**
     * {@code api <command>} for each command at once, without waiting for each reply, answered as {@link #apiAll}
     * would: the first result that is not accepted, or the first exceptional stage, in the order sent.
     * FreeSWITCH's event socket runs a connection's {@code api} commands in its own thread one at a time, in the
     * order it reads them, so the last still runs after the others; what changes is that it is sent even when an
     * earlier one is refused. Only for a channel's variables followed by moving that channel:
     * {@code uuid_setvar_multi} is refused only for a missing channel, which refuses the transfer too. One round
     * trip instead of one per command.
     */
    CompletionStage<CommandResult> apiAtOnce(String... commands) {
        List<CompletionStage<CommandResult>> sent = new ArrayList<>(commands.length);
        for (String command : commands) {
            sent.add(api(command));
        }
        return CommandResult.firstRefusal(sent);
    }

    /** {@code api <command>}, the trimmed body as it is (for {@code uuid_getvar}). */
    CompletionStage<String> apiBody(String command) {
        return guarded(word(command), () -> sender.api(command), String::trim, null);
    }

    /** {@code bgapi <command>} for {@code call}. */
    CompletionStage<CommandResult> bgapi(String command, Optional<CallId> call) {
        return guarded(word(command), () -> sender.bgapi(command, call), outcome -> outcomeOf(command, outcome),
                CommandResult.ACCEPTED)
                .thenCompose(result -> result == null
                        ? failedStage(NOT_CONNECTED, word(command) + ": connection lost before the job ended")
                        : CompletableFuture.completedFuture(result));
    }

    static CommandResult resultOf(String command, String body) {
        String text = body.trim();
        if (text.startsWith("+OK")) {
            return CommandResult.ACCEPTED;
        }
        String message = word(command) + ": " + (text.isEmpty() ? "(empty reply)" : text);
        return text.toLowerCase(Locale.ROOT).startsWith("-err no such channel")
                ? new CommandResult.Failed(UNKNOWN_CALL, message) : new CommandResult.Failed(REFUSED, message);
    }

    /** The result of a job; null for a lost connection (no answer at all). */
    static CommandResult outcomeOf(String command, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.Failed failed) {
            String text = failed.result().trim();
            return CAUSE.matcher(text).matches() ? CommandResult.ACCEPTED
                    : new CommandResult.Failed(REFUSED, word(command) + ": " + (text.isEmpty() ? "(empty reply)" : text));
        }
        if (outcome instanceof JobOutcome.ConnectionLost) {
            return null;
        }
        return CommandResult.ACCEPTED;
    }

    /**
     * Sends, maps the answer on {@code completions}; after the command timeout completes with
     * {@code whenPending}, or, if that is null, fails with {@link PbxUnavailableException} ({@value #TIMEOUT}).
     */
    private <T, R> CompletionStage<R> guarded(String what, Supplier<CompletionStage<T>> send, Function<T, R> map,
            R whenPending) {
        CompletableFuture<R> result = new CompletableFuture<>();
        ScheduledFuture<?> timeoutTask = timer.schedule(() -> {
            if (whenPending != null) {
                completions.execute(() -> result.complete(whenPending));
            } else {
                fail(result, new PbxUnavailableException(TIMEOUT, pbx,
                        what + ": no reply within " + timeout.toMillis() + " ms"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletionStage<T> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            timeoutTask.cancel(false);
            fail(result, new PbxUnavailableException(NOT_CONNECTED, pbx,
                    what + " not sent: " + e.getMessage()));
            return result;
        }
        sent.whenComplete((value, error) -> {
            timeoutTask.cancel(false);
            if (error != null) {
                fail(result, new PbxUnavailableException(NOT_CONNECTED, pbx,
                        what + ": " + rootMessage(error)));
            } else {
                completions.execute(() -> {
                    if (!result.isDone()) {
                        try {
                            result.complete(map.apply(value));
                        } catch (RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    }
                });
            }
        });
        return result;
    }

    private void fail(CompletableFuture<?> result, PbxUnavailableException cause) {
        if (!result.isDone()) {
            completions.execute(() -> result.completeExceptionally(cause));
        }
    }

    private <T> CompletionStage<T> failedStage(String errorId, String message) {
        return CompletableFuture.failedFuture(new PbxUnavailableException(errorId, pbx, message));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** The command's name for messages ({@code uuid_bridge}); never its arguments, which hold numbers. */
    static String word(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }
}
