package io.switchboard.esl.translate;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code api show channels as json} (fixture 10), as far as resync needs it.
 *
 * @param uuid the channel's {@code uuid}
 * @param callUuid the {@code call_uuid}, which follows the bridge (Quirk 13); empty if blank
 * @param outbound whether {@code direction} is {@code outbound}
 * @param answered whether {@code callstate} says the channel was answered ({@code ACTIVE}, {@code HELD})
 * @param dest the {@code dest}ination number: after the glue's transfers the entry point the channel is in
 *             ({@code switchboard_hold}, {@code switchboard_agent_session}); empty if blank
 * @param callerNumber the {@code cid_num}; empty if blank
 */
public record LiveChannel(String uuid, Optional<String> callUuid, boolean outbound, boolean answered,
        Optional<String> dest, Optional<String> callerNumber) {

    /** Rejects missing values. */
    public LiveChannel {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(callUuid, "callUuid");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(callerNumber, "callerNumber");
    }

    /** A row without destination and caller number. */
    public LiveChannel(String uuid, Optional<String> callUuid, boolean outbound, boolean answered) {
        this(uuid, callUuid, outbound, answered, Optional.empty(), Optional.empty());
    }
}
