package io.switchboard.sim.ami;

/** A unit on the AMI wire: the greeting banner line, or a message ended by a blank line. */
public sealed interface AmiFrame permits AmiBanner, AmiMessage {

    /** The exact bytes this frame occupies on the wire. */
    byte[] encode();
}
