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
 */
public record LiveChannel(String uuid, Optional<String> callUuid, boolean outbound, boolean answered) {

    /** Rejects missing values. */
    public LiveChannel {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(callUuid, "callUuid");
    }
}
