package io.switchboard.ami.connection;

import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.ami.translate.AmiEventTranslator;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The AMI adapter as cti-server wires it (real Asterisk-Java client, registry, translator, registry
 * resync, millisecond backoff) attached over TCP to an in-process {@link AsteriskSimulator}, with every
 * published event recorded.
 */
final class SimulatedPbx implements AutoCloseable {

    static final String SECRET = "sim-s3cret";
    private static final Duration BOUND = Duration.ofSeconds(5);

    final PbxId pbx = PbxId.of("pbx1");
    final ChannelRegistry registry = new ChannelRegistry(pbx, Clock.systemUTC());
    final List<PbxEvent> published = new CopyOnWriteArrayList<>();
    /** Every AMI event handed to translation, with the thread it arrived on. */
    final List<Map.Entry<ManagerEvent, Thread>> received = new CopyOnWriteArrayList<>();
    final AmiConnection connection;
    private final SimulatorConfig config = SimulatorConfig.of("cti", SECRET).withTimeScale(0.01)
            .withPhones(Map.of("SIP/2001", new Phone.Answers(Duration.ofMillis(100), null),
                    "SIP/2002", new Phone.Answers(Duration.ofMillis(100), null)));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final int port;
    private volatile AsteriskSimulator sim;

    private SimulatedPbx(UnaryOperator<ChannelResync> resync) {
        sim = startBelowEphemeralPorts(config);
        port = sim.port();
        AmiEventTranslator translator = new AmiEventTranslator(registry, Clock.systemUTC(), "ZZ");
        AmiPbxEvents events = new AmiPbxEvents();
        events.subscribe(published::add);
        Function<AmiSettings, ManagerConnection> glue = settings -> {
            ManagerConnection c = AmiConnection.factory().apply(settings);
            SwitchboardUserEvent.CLASSES.forEach(c::registerUserEventClass);
            return c;
        };
        connection = new AmiConnection(new AmiSettings("pbx1", "127.0.0.1", port, "cti", SECRET, Duration.ofSeconds(1)),
                glue, RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(20), Integer.MAX_VALUE,
                        new SplittableRandom(3)),
                scheduler, Clock.systemUTC(), event -> {
                    received.add(Map.entry(event, Thread.currentThread()));
                    return translator.translate(event);
                }, resync.apply(new RegistryResync(registry)), events);
    }

    /**
     * A simulator on a port below Linux's ephemeral range (32768-60999). Tests stop it and start a new one on
     * the same port while the adapter reconnects every few milliseconds; on an ephemeral port one of those
     * connects can get that very port as its own and connect to itself (TCP simultaneous open), holding the
     * port so that the new simulator cannot listen.
     */
    private static AsteriskSimulator startBelowEphemeralPorts(SimulatorConfig config) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            try {
                return new AsteriskSimulator(config).start(random.nextInt(20_000, 32_000));
            } catch (java.io.UncheckedIOException taken) {
                if (attempt == 50) {
                    throw taken;
                }
            }
        }
    }

    /** Started and logged in, resynced and announced. */
    static SimulatedPbx attached() {
        return attached(UnaryOperator.identity());
    }

    /**
     * Logged in only after {@code before} ran against the started simulator: what it sets up happened before
     * Switchboard attached, so only the first resync can know it.
     */
    static SimulatedPbx attachedAfter(java.util.function.Consumer<SimulatedPbx> before) {
        SimulatedPbx pbx = new SimulatedPbx(UnaryOperator.identity());
        before.accept(pbx);
        pbx.connection.start();
        await("the first PbxConnected", () -> pbx.count(PbxEvent.PbxConnected.class) == 1);
        return pbx;
    }

    /** Attached, with the registry's resync wrapped by {@code resync} (to act while a resync is under way). */
    static SimulatedPbx attached(UnaryOperator<ChannelResync> resync) {
        SimulatedPbx pbx = new SimulatedPbx(resync);
        pbx.connection.start();
        await("the first PbxConnected", () -> pbx.count(PbxEvent.PbxConnected.class) == 1);
        return pbx;
    }

    AsteriskSimulator sim() {
        return sim;
    }

    /** A caller rings a DID; returns once Switchboard has offered the call and the caller waits on hold. */
    String callOnHold(String caller) {
        String channel = sim.inboundCall(InboundCall.of(caller, "4930123456"));
        await(channel + " offered", () -> registry.byName(channel).flatMap(ChannelSnapshot::callId)
                .filter(call -> offered(call)).isPresent());
        awaitOnHold(channel);
        return channel;
    }

    /** Agent {@code agent}'s {@code phone} is originated into its nailed-up session; returns the session leg. */
    LegId agentSession(String agent, String phone) throws Exception {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(phone);
        originate.setContext("switchboard-agent-session");
        originate.setExten(agent);
        originate.setPriority(1);
        originate.setAsync(true);
        connection.send(originate, response -> { });
        await("AgentSessionOpened " + agent, () -> published.stream().anyMatch(e ->
                e instanceof PbxEvent.AgentSessionOpened o && o.agent().value().equals(agent)));
        return published.stream().filter(PbxEvent.AgentSessionOpened.class::isInstance)
                .map(PbxEvent.AgentSessionOpened.class::cast).filter(o -> o.agent().value().equals(agent))
                .findFirst().orElseThrow().leg();
    }

    /**
     * Agent {@code agent}'s {@code phone} is originated into its nailed-up session from a session of its own,
     * which Switchboard does not see; returns once the phone's channel sits in its conference.
     */
    String agentSessionUnseen(String agent, String phone) {
        try {
            ManagerConnection probe = new ManagerConnectionFactory("127.0.0.1", port, "cti", SECRET)
                    .createManagerConnection();
            probe.login("off");
            try {
                OriginateAction originate = new OriginateAction();
                originate.setChannel(phone);
                originate.setContext("switchboard-agent-session");
                originate.setExten(agent);
                originate.setPriority(1);
                originate.setAsync(true);
                probe.sendAction(originate, 5_000);
            } finally {
                probe.logoff();
            }
            String[] channel = new String[1];
            await(phone + " in its conference", () -> {
                try {
                    channel[0] = pbxChannels().values().stream().filter(c -> c.startsWith(phone + "-")).findFirst()
                            .orElse(null);
                } catch (Exception e) {
                    return false;
                }
                AtomicBoolean bridged = new AtomicBoolean();
                sim.drive(world -> bridged.set(channel[0] != null && world.isBridged(channel[0])));
                return bridged.get();
            });
            return channel[0];
        } catch (Exception e) {
            throw new AssertionError("originate " + phone, e);
        }
    }

    /** The calls offered so far. */
    List<PbxEvent.CallOffered> offers() {
        return published.stream().filter(PbxEvent.CallOffered.class::isInstance).map(PbxEvent.CallOffered.class::cast)
                .toList();
    }

    /** Waits until the simulator has {@code channel} on hold. */
    void awaitOnHold(String channel) {
        await(channel + " on hold", () -> {
            AtomicBoolean onHold = new AtomicBoolean();
            sim.drive(world -> onHold.set(world.isOnHold(channel)));
            return onHold.get();
        });
    }

    /** Cuts the network: sessions are reset and new ones refused until {@link #reconnectNetwork()}. */
    void cutNetwork() {
        int connected = count(PbxEvent.PbxDisconnected.class);
        sim.reachable(false);
        sim.dropSessions();
        await("PbxDisconnected", () -> count(PbxEvent.PbxDisconnected.class) == connected + 1);
    }

    /** Lets clients in again and waits for the next resync's PbxConnected. */
    void reconnectNetwork() {
        int connected = count(PbxEvent.PbxConnected.class);
        sim.reachable(true);
        await("PbxConnected after the cut", () -> count(PbxEvent.PbxConnected.class) == connected + 1);
    }

    /** Stops the simulator (Event: Shutdown, EOF), as {@code core stop gracefully} would. */
    void stopPbx() {
        sim.stop();
    }

    /** A fresh simulator, with no calls, on the same port. */
    void startNewPbx() {
        sim = new AsteriskSimulator(config).start(port);
    }

    /** A fresh simulator on the same port that refuses AMI sessions until {@code reachable(true)}. */
    void startNewPbxUnreachable() {
        AsteriskSimulator fresh = new AsteriskSimulator(config);
        fresh.reachable(false);
        sim = fresh.start(port);
    }

    /** The simulator's live channels by Uniqueid, as {@code CoreShowChannels} on a second session lists them. */
    Map<String, String> pbxChannels() throws Exception {
        ManagerConnection probe = new ManagerConnectionFactory("127.0.0.1", port, "cti", SECRET).createManagerConnection();
        probe.login("off");
        try {
            ResponseEvents answer = probe.sendEventGeneratingAction(new CoreShowChannelsAction(), 5_000);
            return answer.getEvents().stream().filter(CoreShowChannelEvent.class::isInstance)
                    .map(CoreShowChannelEvent.class::cast)
                    .collect(Collectors.toMap(CoreShowChannelEvent::getUniqueid, CoreShowChannelEvent::getChannel));
        } finally {
            probe.logoff();
        }
    }

    /** The name of Switchboard's live channel on {@code leg}. */
    String channelOn(LegId leg) {
        return registry.liveChannels().stream()
                .filter(c -> registry.legOf(c.uniqueid()).filter(leg::equals).isPresent())
                .map(ChannelSnapshot::name).findFirst()
                .orElseThrow(() -> new AssertionError("no live channel on " + leg));
    }

    /** Switchboard's live channels by Uniqueid. */
    Map<String, String> knownChannels() {
        return registry.liveChannels().stream()
                .collect(Collectors.toMap(ChannelSnapshot::uniqueid, ChannelSnapshot::name));
    }

    CallId callOf(String channel) {
        return registry.byName(channel).flatMap(ChannelSnapshot::callId)
                .orElseThrow(() -> new AssertionError(channel + " has no call"));
    }

    LegId legOf(String channel) {
        return registry.byName(channel).flatMap(c -> registry.legOf(c.uniqueid()))
                .orElseThrow(() -> new AssertionError(channel + " has no leg"));
    }

    boolean offered(CallId call) {
        return published.stream().anyMatch(e -> e instanceof PbxEvent.CallOffered o && o.call().equals(call));
    }

    List<PbxEvent.LegHungUp> hangups() {
        return published.stream().filter(PbxEvent.LegHungUp.class::isInstance).map(PbxEvent.LegHungUp.class::cast)
                .toList();
    }

    int count(Class<? extends PbxEvent> type) {
        return (int) published.stream().filter(type::isInstance).count();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + BOUND.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        connection.stop();
        SimulatedPbx.await("STOPPED", () -> connection.state() == AmiConnectionState.STOPPED);
        scheduler.shutdown();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
        sim.stop();
    }
}
