package io.switchboard.ami.control;

import io.switchboard.core.port.CommandResult;
import io.switchboard.sim.ami.AmiAction;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helpers: an action's fields as written, and a stage's outcome. */
final class Wire {

    private Wire() {
    }

    /**
     * Every header but {@code Action} and {@code ActionID}, as {@code name: value} with the name in lower
     * case (Asterisk-Java writes lower-case names in no fixed order; Asterisk ignores both).
     */
    static Set<String> fields(AmiAction action) {
        return action.message().headers().stream()
                .filter(h -> !h.is("Action") && !h.is("ActionID"))
                .map(h -> h.name().toLowerCase(Locale.ROOT) + ": " + h.value())
                .collect(Collectors.toSet());
    }

    /** The fields an action must have, written {@code Name: value}; compared as {@link #fields} gives them. */
    static Set<String> exactly(String... fields) {
        return Stream.of(fields).map(f -> {
            int colon = f.indexOf(": ");
            return f.substring(0, colon).toLowerCase(Locale.ROOT) + f.substring(colon);
        }).collect(Collectors.toSet());
    }

    /** The result the stage completed with, within 3 s. */
    static CommandResult result(CompletionStage<CommandResult> stage) throws Exception {
        return stage.toCompletableFuture().get(3, TimeUnit.SECONDS);
    }

    /** The exception the stage failed with, within {@code within}; an assertion error if it did not fail. */
    static Throwable failure(CompletionStage<CommandResult> stage, Duration within) throws InterruptedException {
        try {
            CommandResult value = stage.toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected an exceptional stage, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + within);
        }
    }
}
