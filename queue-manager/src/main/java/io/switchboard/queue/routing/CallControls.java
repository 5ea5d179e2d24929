package io.switchboard.queue.routing;

import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;

import java.util.Optional;

/** Which {@link CallControl} commands a given PBX: the one the call is on. */
@FunctionalInterface
public interface CallControls {

    /** The call control of {@code pbx}, or empty when that PBX is not attached to this node. */
    Optional<CallControl> of(PbxId pbx);
}
