package io.switchboard.esl.translate;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

/**
 * One live FreeSWITCH channel as Switchboard tracks it.
 *
 * @param uuid the channel's {@code Unique-ID} (the {@code origination_uuid} Switchboard passed, for a leg it
 *             originated)
 * @param call the call the leg belongs to, fixed when the channel appeared
 * @param leg {@code <pbx>/<uuid>}
 * @param outbound whether FreeSWITCH placed the leg ({@code Call-Direction: outbound}): only those ring
 * @param ringing whether {@code LegRinging} was reported
 * @param answered whether {@code LegAnswered} was reported
 */
public record TrackedLeg(String uuid, CallId call, LegId leg, boolean outbound, boolean ringing, boolean answered) {

    TrackedLeg asRinging() {
        return new TrackedLeg(uuid, call, leg, outbound, true, answered);
    }

    TrackedLeg asAnswered() {
        return new TrackedLeg(uuid, call, leg, outbound, ringing, true);
    }
}
