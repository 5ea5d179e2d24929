package io.switchboard.sim.transcript;

/** Which side of the connection wrote a transcript block. */
public enum Direction {
    /** The client (Switchboard's side, or the capture client) wrote these bytes to the PBX. */
    SENT,
    /** The PBX wrote these bytes and the client read them. */
    RECEIVED
}
