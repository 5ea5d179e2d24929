package io.switchboard.sim.freeswitch;

import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimWorld;
import io.switchboard.sim.asterisk.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link SimWorld} over the FreeSWITCH engine, so the same {@code TrafficModel} (same seed, same
 * scenarios) drives either PBX. Channels are named by uuid. {@link #listen} sees the events the
 * traffic model needs in its AMI-shaped vocabulary: an outbound {@code sofia/} or {@code user/} CHANNEL_CREATE as
 * {@code DialBegin} (DialString: the target after the profile or {@code user/}, e.g. {@code 7001@default};
 * DestChannel: uuid; DestChannelName: the channel's name, e.g. {@code sofia/gateway/trunk-ast/2001}),
 * CHANNEL_BRIDGE as {@code BridgeEnter} for both legs, CHANNEL_HANGUP_COMPLETE as {@code Hangup}, the glue's
 * CUSTOM {@code switchboard::inbound_call} as {@code UserEvent: InboundCall} (Channel: uuid).
 * Engine thread only.
 */
final class FsWorld implements SimWorld {

    private final FsEngine engine;

    FsWorld(FsEngine engine) {
        this.engine = engine;
    }

    @Override
    public Duration now() {
        return engine.scheduler.elapsed();
    }

    @Override
    public Scheduled after(Duration delay, Runnable task) {
        VirtualScheduler.Timer timer = engine.after(delay, task);
        return timer::cancel;
    }

    @Override
    public String inboundCall(InboundCall call) {
        return new InboundCalls(engine).dial(call, UUID.randomUUID().toString()).uuid;
    }

    /** The phone's channel dials {@code exten} in context {@code default} (with {@link FsDialplan#switchboard()}: *70/*71/*72). */
    @Override
    public String phoneDials(DeskPhone phone, String exten) {
        return new InboundCalls(engine).deskPhone(phone, exten).uuid;
    }

    /** Parked, or waiting with the glue's music ({@code switchboard_hold}, or while an agent rings). */
    @Override
    public boolean isOnHold(String channel) {
        return engine.channels.find(channel).map(ch -> ch.parked || ch.application.equals("endless_playback")
                || ch.ringing != null).orElse(false);
    }

    @Override
    public boolean isBridged(String channel) {
        return engine.channels.find(channel).map(ch -> ch.peer != null && !ch.peer.gone && !ch.gone).orElse(false);
    }

    @Override
    public void hangUp(String channel) {
        engine.channels.find(channel).ifPresent(engine.channels::remoteHangup);
    }

    @Override
    public void listen(Consumer<AmiMessage> listener) {
        engine.listeners.add(event -> translate(event, listener));
    }

    private static void translate(FsEvent event, Consumer<AmiMessage> listener) {
        String uuid = event.header("Unique-ID").orElse("");
        switch (event.name()) {
            case "CHANNEL_CREATE" -> {
                String name = event.header("Channel-Name").orElse("");
                if (event.header("Call-Direction").filter("outbound"::equals).isPresent()
                        && (name.startsWith("sofia/") || name.startsWith("user/"))) {
                    listener.accept(AmiMessage.of("Event", "DialBegin", "DestChannel", uuid,
                            "DialString", name.substring(name.lastIndexOf('/') + 1), "DestChannelName", name));
                }
            }
            case "CHANNEL_BRIDGE" -> {
                listener.accept(AmiMessage.of("Event", "BridgeEnter", "Channel", uuid));
                event.header("Bridge-B-Unique-ID").ifPresent(b ->
                        listener.accept(AmiMessage.of("Event", "BridgeEnter", "Channel", b)));
            }
            case "CHANNEL_HANGUP_COMPLETE" -> listener.accept(AmiMessage.of("Event", "Hangup", "Channel", uuid));
            case "CUSTOM" -> event.header("Event-Subclass").filter("switchboard::inbound_call"::equals).ifPresent(
                    subclass -> listener.accept(AmiMessage.of("Event", "UserEvent", "UserEvent", "InboundCall",
                            "Channel", uuid)));
            default -> {
            }
        }
    }

    /**
     * The resolver sees a {@code sofia/<profile>/<target>} dial string as {@code SIP/<target>}, the
     * traffic model's vocabulary, so its agent prefix ({@code SIP/agent-}) means the same on both PBXs.
     */
    @Override
    public void phones(Function<String, Phone> resolver) {
        engine.phoneResolver = dial -> resolver.apply(dial.startsWith("sofia/")
                ? "SIP/" + dial.substring(dial.lastIndexOf('/') + 1) : dial);
    }

    @Override
    public List<String> played(String channel) {
        return engine.channels.played(channel);
    }

    /** api and bgapi commands as {@code Action: api}, {@code Command: <the command line>}. */
    @Override
    public void listenCommands(Consumer<AmiMessage> listener) {
        engine.commandListeners.add(command -> listener.accept(AmiMessage.of("Action", "api", "Command", command)));
    }

    /** Each ESL command as {@code Action: <verb>} and {@code Command: <the rest of its line>} (none for auth). */
    @Override
    public void listenSessionCommands(Consumer<SessionCommand> listener) {
        engine.sessionCommandListeners.add(listener);
    }

    @Override
    public Optional<String> dialplanLocation(String channel) {
        return engine.channels.find(channel).filter(ch -> !ch.gone).map(ch -> ch.context + "," + ch.destination);
    }

    @Override
    public Optional<String> variable(String channel, String name) {
        return engine.channels.find(channel).filter(ch -> !ch.gone)
                .flatMap(ch -> Optional.ofNullable(ch.variables.get(name)));
    }
}
