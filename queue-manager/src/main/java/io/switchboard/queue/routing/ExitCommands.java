package io.switchboard.queue.routing;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.DialplanTarget;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The PBX commands of a queue exit that leaves Switchboard ({@link CallerRules} decides it): an extension of the
 * admin's dialplan through the glue's {@code switchboard-exit}, with {@code QUEUESTATUS} set, or a hang-up. An
 * extension the PBX refuses hangs the caller up rather than leave them on hold with nobody deciding for them.
 * Results are handled on the router's context.
 */
final class ExitCommands {

    private static final Logger LOG = LoggerFactory.getLogger(ExitCommands.class);

    private final CallControls controls;
    private final Executor context;

    ExitCommands(CallControls controls, Executor context) {
        this.controls = controls;
        this.context = context;
    }

    /** Sends the caller of {@code call} to {@code exit}, an extension or a hang-up, for {@code reason}. */
    void send(RoutedCall call, ExitReason reason, QueueExit exit) {
        Optional<CallControl> control = controls.of(call.pbx);
        if (control.isEmpty()) {
            LOG.warn("event=pbx-not-attached callId={} pbx={}", call.id(), call.pbx);
        } else if (exit instanceof QueueExit.Extension extension) {
            on(control.get().leaveQueue(call.id(), new DialplanTarget(extension.context(), extension.extension()),
                    reason.queueStatus()), result -> {
                if (result instanceof CommandResult.Failed failed) {
                    LOG.warn("event=queue-exit-refused callId={} errorId={}", call.id(), failed.errorId());
                    control.get().hangup(call.id(), HangupCause.NORMAL_CLEARING);
                }
            });
        } else {
            on(control.get().hangup(call.id(), HangupCause.NORMAL_CLEARING), result -> { });
        }
    }

    private void on(CompletionStage<CommandResult> stage, Consumer<CommandResult> then) {
        Stages.on(stage, context, then, failure -> LOG.warn("event=queue-exit-failed reason={}", failure.toString()));
    }
}
