package io.switchboard.esl.connection;

import java.time.Duration;

/** How a {@code bgapi} job ended, as FreeSWITCH reported it in BACKGROUND_JOB, or why it never did. */
public sealed interface JobOutcome {

    /** The job's result began with {@code +OK}, e.g. {@code +OK <new channel uuid>} for an originate. */
    record Succeeded(String result) implements JobOutcome {
    }

    /**
     * FreeSWITCH refused the command ({@code -ERR ...} in the {@code bgapi} reply) or the job failed
     * ({@code -ERR <HANGUP_CAUSE>} in BACKGROUND_JOB, Quirk 9).
     */
    record Failed(String result) implements JobOutcome {
    }

    /** No BACKGROUND_JOB arrived within the reply timeout; FreeSWITCH may still run the job. */
    record TimedOut(Duration after) implements JobOutcome {
    }

    /** The connection closed before the BACKGROUND_JOB arrived; it will never arrive on another connection. */
    record ConnectionLost(String reason) implements JobOutcome {
    }

    /** The outcome for a job result body. */
    static JobOutcome ofResult(String body) {
        String result = body.trim();
        return result.startsWith("+OK") ? new Succeeded(result) : new Failed(result);
    }
}
