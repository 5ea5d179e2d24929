package io.switchboard.sim.asterisk;

import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated PBX as a traffic generator sees it. Every method must be called on the engine
 * thread: from the callback of {@link AsteriskSimulator#drive}, from a task given to
 * {@link #after}, or from a listener. Time is the engine's virtual time.
 */
public interface SimWorld {

    /** A scheduled task that has not run yet can be cancelled. */
    interface Scheduled {
        /** The task will not run. */
        void cancel();
    }

    /** Virtual time since the simulator started. */
    Duration now();

    /** Runs {@code task} on the engine thread after {@code delay} of virtual time. */
    Scheduled after(Duration delay, Runnable task);

    /** A caller dials a DID (as {@link AsteriskSimulator#inboundCall}); returns the channel name. */
    String inboundCall(InboundCall call);

    /**
     * An agent's phone dials {@code exten} (as {@link AsteriskSimulator#phoneDials}); returns the channel name.
     */
    String phoneDials(DeskPhone phone, String exten);

    /** Whether the channel exists and waits with music on hold. */
    boolean isOnHold(String channel);

    /** Whether the channel exists and is in a bridge or conference. */
    boolean isBridged(String channel);

    /** The channel's side hangs up (no-op if it is gone). */
    void hangUp(String channel);

    /** Sees every event the simulator sends to AMI sessions, as it is sent. */
    void listen(Consumer<AmiMessage> listener);

    /**
     * Decides how a dialled phone behaves, per dial; {@code null} falls back to the configured
     * {@link SimulatorConfig#phones()}.
     */
    void phones(Function<String, Phone> resolver);

    /**
     * What the channel has been played by the dialplan, in order: sound names as given to Playback or
     * playback (and the prompts of Read, play_and_get_digits), and {@code #<n>} for a number said (SayNumber,
     * say); for a channel that is gone, what it had been played, as long as it is one of the last
     * {@value io.switchboard.sim.GonePlayed#KEPT} gone; else empty.
     */
    List<String> played(String channel);

    /**
     * Sees every command a client session sends, as the engine handles it, before it takes effect: an AMI
     * action's headers ({@code Action: Redirect}, {@code Channel}...); an ESL {@code api}/{@code bgapi} command as
     * {@code Action: api} with {@code Command: uuid_transfer <uuid> ...}. For measuring what a client does in
     * answer to an event (bench {@code acd-latency}).
     */
    void listenCommands(Consumer<AmiMessage> listener);

    /**
     * Sees every command every client session sends, logins and keep-alives included, with the session that sent
     * it and the wall-clock time the engine took it ({@link SessionCommand}); for telling which of several clients
     * drove the PBX when ({@link io.switchboard.sim.CommandLog}).
     */
    void listenSessionCommands(Consumer<SessionCommand> listener);

    /**
     * Where the channel's dialplan is now, {@code <context>,<extension>} (FreeSWITCH: the context and destination
     * number of its last route), e.g. {@code voicemail,8001} for a caller a queue rule sent there; empty if gone.
     */
    Optional<String> dialplanLocation(String channel);

    /** The channel variable {@code name} (e.g. {@code QUEUESTATUS}); empty if unset or the channel is gone. */
    Optional<String> variable(String channel, String name);
}
