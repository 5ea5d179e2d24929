package io.switchboard.queue.dialer;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Continues a port's stage on the routing context, so the dialer's state is only touched there. */
final class OnContext {

    private OnContext() {
    }

    static <T> void then(CompletionStage<T> stage, Executor context, Consumer<T> then, Consumer<Throwable> failed) {
        stage.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                failed.accept(failure);
            } else {
                then.accept(value);
            }
        }, context);
    }
}
