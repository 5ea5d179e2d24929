package io.switchboard.esl.translate;

import io.switchboard.core.call.HangupCause;
import io.switchboard.esl.EslEventHeaders;

import java.util.Optional;

/**
 * FreeSWITCH's hangup causes as core {@link HangupCause}s, by name (FreeSWITCH's names are Q.850's). A name
 * core does not know is {@code OTHER}, even where FreeSWITCH files it under a known code
 * ({@code SYSTEM_SHUTDOWN} carries {@code hangup_cause_q850: 16}, which would read as a normal hang-up).
 */
final class Causes {

    private Causes() {
    }

    /** The cause of a CHANNEL_HANGUP_COMPLETE: {@code Hangup-Cause}; only without it {@code variable_hangup_cause_q850}. */
    static HangupCause of(EslEventHeaders event) {
        Optional<String> name = event.first("Hangup-Cause");
        if (name.isPresent()) {
            return byName(name.get()).orElse(HangupCause.OTHER);
        }
        return event.variable("hangup_cause_q850").map(Causes::byCode).orElse(HangupCause.OTHER);
    }

    /** The cause named in a job result such as {@code -ERR USER_BUSY}; {@code OTHER} for anything else. */
    static HangupCause ofJobError(String result) {
        String rest = result.substring("-ERR".length()).trim();
        String first = rest.isEmpty() ? "" : rest.split("\\s+", 2)[0];
        return byName(first).orElse(HangupCause.OTHER);
    }

    private static Optional<HangupCause> byName(String name) {
        try {
            HangupCause cause = HangupCause.valueOf(name.trim());
            return cause == HangupCause.OTHER ? Optional.empty() : Optional.of(cause);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static HangupCause byCode(String code) {
        try {
            return HangupCause.fromQ850(Integer.parseInt(code.trim()));
        } catch (NumberFormatException notACode) {
            return HangupCause.OTHER;
        }
    }
}
