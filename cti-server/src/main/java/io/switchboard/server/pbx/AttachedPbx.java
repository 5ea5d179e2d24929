package io.switchboard.server.pbx;

import io.switchboard.ami.connection.AmiConnection;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.PbxEventStream;

/**
 * One attached PBX as the rest of the node sees it.
 *
 * @param id the PBX's id, its {@code pbx[].name}
 * @param connection the AMI session: state for {@code /status}, start and stop
 * @param callControl commands to this PBX; results complete on the PBX's Vert.x context
 * @param events the translated events, delivered on the PBX's Vert.x context in the order Asterisk sent them
 */
public record AttachedPbx(PbxId id, AmiConnection connection, CallControl callControl, PbxEventStream events) {
}
