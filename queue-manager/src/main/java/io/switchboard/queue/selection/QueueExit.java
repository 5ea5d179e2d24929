package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.id.QueueId;

import java.util.regex.Pattern;

/** Where a caller goes when a queue rule sends them out of the queue ({@link ExitReason}). */
public sealed interface QueueExit permits QueueExit.HangUp, QueueExit.Overflow, QueueExit.Extension,
        QueueExit.CallBack {

    /** The caller is hung up (normal clearing). The default for every reason. */
    record HangUp() implements QueueExit {
    }

    /** The caller waits on in another queue, as a new entry there (its workflow, max wait and KPIs). */
    record Overflow(QueueId queue) implements QueueExit {
        public Overflow {
            Require.nonNull(queue, "queue");
        }
    }

    /**
     * The caller goes to {@code extension} in the admin's dialplan {@code context} (e.g. a voicemail box), with
     * {@code QUEUESTATUS} set, through the glue's {@code switchboard-exit}.
     */
    record Extension(String context, String extension) implements QueueExit {

        /** A context name the glue can {@code Goto}: letters, digits, '.', '-', '_'. */
        public static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
        /** What the glue's {@code switchboard-exit} extension patterns match: {@code [0-9A-Za-z*#+]}, one or more. */
        public static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#+]{1,80}");

        public Extension {
            if (context == null || !CONTEXT.matcher(context).matches()) {
                throw new IllegalArgumentException("context must be 1-80 letters, digits, '.', '-' or '_'");
            }
            if (extension == null || !EXTENSION.matcher(extension).matches()) {
                throw new IllegalArgumentException("extension must be 1-80 of 0-9 A-Z a-z * # +");
            }
        }
    }

    /**
     * The caller is called back instead of leaving, and keeps their place: confirmed and hung up as if they had
     * pressed the queue's callback key, with the queue's callback settings for the attempts (whether or not the
     * key itself is offered). Only for a caller who waited ({@link ExitReason#TIMEOUT}, {@link
     * ExitReason#LEAVEEMPTY}): one turned away on arrival has no place to keep. A caller without a number, or whose
     * PBX refuses the confirmation, is hung up instead.
     */
    record CallBack() implements QueueExit {
    }

    /** Hang up. */
    QueueExit HANG_UP = new HangUp();

    /** Call back, keeping the caller's place. */
    QueueExit CALL_BACK = new CallBack();
}
