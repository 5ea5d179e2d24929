package io.switchboard.sim.asterisk;

import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@link SimWorld} over the engine; engine thread only. */
final class EngineWorld implements SimWorld {

    private final Engine engine;

    EngineWorld(Engine engine) {
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
        Calls calls = engine.calls;
        SimChannel c = calls.create(calls.nextName("SIP/" + call.peer(), "SIP"), calls.nextUniqueid(), null,
                SimChannel.DOWN, inboundContext(), call.did(), ch -> {
                    ch.callerNum = call.callerNum();
                    ch.callerName = call.callerName();
                    ch.dnid = call.did();
                    ch.byeAfterAnswer = call.hangsUpAfterAnswer();
                });
        calls.newState(c, SimChannel.RING);
        calls.run(c);
        return c.name;
    }

    @Override
    public String phoneDials(DeskPhone phone, String exten) {
        Calls calls = engine.calls;
        calls.deviceStates().register(phone.device());
        String uniqueid = calls.nextUniqueid();
        SimChannel c = new SimChannel(calls.nextName(phone.device(), phone.technology()), uniqueid, uniqueid,
                SimChannel.DOWN, featuresContext(), exten);
        c.callerNum = phone.callerNum();
        c.callerName = phone.callerNum();
        c.dnid = exten;
        calls.announce(c);
        if (!phone.agent().isEmpty()) {
            calls.setVariable(c, "SWITCHBOARD_AGENT", phone.agent());
        }
        calls.newState(c, SimChannel.RING);
        calls.run(c);
        return c.name;
    }

    private String featuresContext() {
        return engine.config.dialplan() instanceof SwitchboardDialplan glue ? glue.contexts().features() : "from-sip";
    }

    private String inboundContext() {
        return engine.config.dialplan() instanceof SwitchboardDialplan glue ? glue.contexts().inbound() : "from-sip";
    }

    @Override
    public boolean isOnHold(String channel) {
        return engine.calls.channel(channel).map(c -> c.mohClass != null).orElse(false);
    }

    @Override
    public boolean isBridged(String channel) {
        return engine.calls.channel(channel).map(c -> c.bridge != null).orElse(false);
    }

    @Override
    public void hangUp(String channel) {
        engine.calls.channel(channel).ifPresent(c -> engine.calls.hangup(c, true, 16));
    }

    @Override
    public void listen(Consumer<AmiMessage> listener) {
        engine.listeners.add(listener);
    }

    @Override
    public void listenCommands(Consumer<AmiMessage> listener) {
        engine.commandListeners.add(listener);
    }

    @Override
    public void listenSessionCommands(Consumer<SessionCommand> listener) {
        engine.sessionCommandListeners.add(listener);
    }

    @Override
    public void phones(Function<String, Phone> resolver) {
        engine.calls.dialing().resolver(resolver);
    }

    @Override
    public List<String> played(String channel) {
        return engine.calls.played(channel);
    }

    @Override
    public Optional<String> dialplanLocation(String channel) {
        return engine.calls.channel(channel).map(c -> c.context + "," + c.exten);
    }

    @Override
    public Optional<String> variable(String channel, String name) {
        return engine.calls.channel(channel).flatMap(c -> Optional.ofNullable(c.variables.get(name)));
    }
}
