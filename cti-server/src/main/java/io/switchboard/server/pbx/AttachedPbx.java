package io.switchboard.server.pbx;

import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.PbxEventStream;
import io.switchboard.server.config.PbxType;

/**
 * One attached PBX as the rest of the node sees it, whatever it speaks (AMI or ESL). The connection's own
 * state, for {@code /status}, is read through {@link PbxConnections#amiStatus} and {@link PbxConnections#eslStatus}.
 *
 * @param id the PBX's id, its {@code pbx[].name}
 * @param type what the PBX is, its {@code pbx[].type}
 * @param callControl commands to this PBX; results complete on the PBX's Vert.x context
 * @param events the translated events, delivered on the PBX's Vert.x context in the order the PBX sent them
 */
public record AttachedPbx(PbxId id, PbxType type, CallControl callControl, PbxEventStream events) {
}
