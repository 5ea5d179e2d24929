package io.switchboard.esl.control;

import io.switchboard.core.id.CallId;
import io.switchboard.esl.connection.JobOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EslSender} that records every command and answers from a script: the first rule whose prefix
 * the command starts with, else {@code +OK\n} for {@code api} and a succeeded job for {@code bgapi}, as
 * FreeSWITCH answers (fixtures 04, 07, 08).
 */
final class ScriptedSender implements EslSender {

    private record Rule(String prefix, Object answer) {
    }

    /** An answer that never comes. */
    static final Object SILENCE = new Object();

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<Optional<CallId>> jobCalls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException refuseToSend;

    /**
     * {@code api <prefix>...} answers {@code body} (a String), or never ({@link #SILENCE}), or fails (a Throwable),
     * or when the test completes it (a CompletionStage of the body).
     */
    ScriptedSender api(String prefix, Object answer) {
        rules.add(new Rule("api " + prefix, answer));
        return this;
    }

    /** {@code bgapi <prefix>...} ends with {@code outcome} (a JobOutcome), or never ({@link #SILENCE}). */
    ScriptedSender bgapi(String prefix, Object outcome) {
        rules.add(new Rule("bgapi " + prefix, outcome));
        return this;
    }

    /** Every send throws {@code e}, as the connection does when not logged in. */
    ScriptedSender refusingToSend(RuntimeException e) {
        refuseToSend = e;
        return this;
    }

    /** The commands sent, without their {@code api}/{@code bgapi} word. */
    List<String> sent() {
        return new ArrayList<>(sent);
    }

    /** The call each {@code bgapi} was sent for. */
    List<Optional<CallId>> jobCalls() {
        return new ArrayList<>(jobCalls);
    }

    @Override
    public CompletionStage<String> api(String command) {
        return answer("api " + command, "+OK\n");
    }

    @Override
    public CompletionStage<JobOutcome> bgapi(String command, Optional<CallId> call) {
        jobCalls.add(call);
        return answer("bgapi " + command, new JobOutcome.Succeeded("+OK 7ed41449-9950-42b2-9f65-d23a4a4fca7f"));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> answer(String line, T fallback) {
        if (refuseToSend != null) {
            throw refuseToSend;
        }
        sent.add(line.substring(line.indexOf(' ') + 1));
        Object answer = rules.stream().filter(r -> line.startsWith(r.prefix())).map(Rule::answer).findFirst()
                .orElse(fallback);
        if (answer == SILENCE) {
            return new CompletableFuture<>();
        }
        if (answer instanceof CompletionStage<?> later) { // answered when the test completes it
            return (CompletionStage<T>) later;
        }
        if (answer instanceof Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture((T) answer);
    }
}
