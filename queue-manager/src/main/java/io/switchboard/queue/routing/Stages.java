package io.switchboard.queue.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Continues a port's stage on the router's context, so routing state is only touched there. */
final class Stages {

    private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

    private Stages() {
    }

    static <T> void on(CompletionStage<T> stage, Executor context, Consumer<T> then, Consumer<Throwable> failed) {
        stage.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                LOG.warn("event=routing-step-failed reason={}", failure.toString());
                failed.accept(failure);
            } else {
                then.accept(value);
            }
        }, context);
    }
}
