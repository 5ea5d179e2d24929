package io.switchboard.sim;

import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.SimWorld;
import java.util.function.Consumer;

/**
 * A running simulated PBX as tests, benchmarks and the traffic model drive it, whichever PBX it
 * is ({@link PbxFlavor}): the same calls work on the Asterisk (AMI) and the FreeSWITCH (ESL) side.
 * Channels are named as the PBX names them (an Asterisk channel name, a FreeSWITCH uuid).
 */
public interface SimulatedPbx extends AutoCloseable {

    /** The port the PBX's manager protocol (AMI or ESL) listens on, on 127.0.0.1. */
    int port();

    /** A caller dials a DID into the PBX's inbound dialplan; returns the caller's channel. */
    String inboundCall(InboundCall call);

    /**
     * An agent's phone dials {@code exten} into the glue's feature codes ({@code *71} logs the agent in on
     * demand, {@code *72} logs it out, {@code *70} logs it in nailed up and the phone's channel stays as the
     * agent's line until {@link #callerHangsUp hung up}); returns the phone's channel.
     */
    String phoneDials(DeskPhone phone, String exten);

    /** The caller behind {@code channel} hangs up; no-op if it is gone. */
    void callerHangsUp(String channel);

    /**
     * The caller behind {@code channel} presses {@code key} (0-9, *, #) on their keypad: the PBX reports the
     * digit, and a caller waiting in the glue's hold has it reported as a callback request while the music
     * goes on. No-op if the channel is gone.
     */
    void callerPresses(String channel, char key);

    /** Runs {@code driver} on the engine thread with the simulated world; returns when it has run. */
    void drive(Consumer<SimWorld> driver);

    /** Cuts every client session abruptly (a network cut); calls carry on. Returns how many were cut. */
    int dropSessions();

    /** Whether new client connections get through. */
    void reachable(boolean reachable);

    /** Says goodbye to every session as the PBX does on shutdown and stops listening. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
