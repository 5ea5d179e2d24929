package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

/**
 * A call leg whose end is to be reported.
 *
 * @param call the call the leg belongs to
 * @param leg  the leg
 */
public record LegEnd(CallId call, LegId leg) {
}
