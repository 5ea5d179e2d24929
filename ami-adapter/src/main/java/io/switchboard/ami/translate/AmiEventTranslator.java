package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.translate.userevent.AgentDialResultEvent;
import io.switchboard.ami.translate.userevent.AgentLoginEvent;
import io.switchboard.ami.translate.userevent.AgentLogoutEvent;
import io.switchboard.ami.translate.userevent.AgentSessionEndedEvent;
import io.switchboard.ami.translate.userevent.AgentSessionStartedEvent;
import io.switchboard.ami.translate.userevent.AmdEvent;
import io.switchboard.ami.translate.userevent.AmdMessageLeftEvent;
import io.switchboard.ami.translate.userevent.BroadcastPlayedEvent;
import io.switchboard.ami.translate.userevent.CallTransferredEvent;
import io.switchboard.ami.translate.userevent.CallbackRequestedEvent;
import io.switchboard.ami.translate.userevent.CallerOnHoldEvent;
import io.switchboard.ami.translate.userevent.InboundCallEvent;
import io.switchboard.ami.translate.userevent.SafeHarbourEvent;
import io.switchboard.core.Require;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import org.asteriskjava.manager.event.AbstractConfbridgeEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.RenameEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.UserEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns the AMI events of one Asterisk, as Asterisk-Java delivers them, into core {@link PbxEvent}s and keeps
 * its {@link ChannelRegistry} current. Runs on Asterisk-Java's event thread: no I/O, no blocking, one caller
 * at a time. Events it has no use for are counted by name ({@link #skipped()}) and yield nothing.
 *
 * <p>{@code PbxConnected} and {@code PbxDisconnected} are not made here: the connection
 * ({@link io.switchboard.ami.connection.AmiConnection}) publishes them for logins, lost sockets and
 * {@code Event: Shutdown}, so a Shutdown yields nothing here and consumers see it once.
 *
 * <p>Needs the glue's UserEvent classes registered on the connection
 * ({@link io.switchboard.ami.translate.userevent.SwitchboardUserEvent#CLASSES}); Asterisk-Java drops
 * UserEvents it has no class for before they get here.
 */
public final class AmiEventTranslator {

    private final ChannelRegistry registry;
    private final Clock clock;
    private final Counters counters = new Counters();
    private final ChannelEvents channels;
    private final GlueEvents glue;
    private final AgentEvents agents;
    private final OutcomeEvents outcomes;
    private final CallbackEvents callbacks;
    private final DeviceStates devices;

    /**
     * @param registry      the channels of the PBX the events come from
     * @param clock         stamps events that carry no {@code Timestamp}
     * @param defaultRegion ISO region for numbers without a country code (the PBX's country), {@code ZZ} for none
     */
    public AmiEventTranslator(ChannelRegistry registry, Clock clock, String defaultRegion) {
        this.registry = Require.nonNull(registry, "registry");
        this.clock = Require.nonNull(clock, "clock");
        Dials dials = new Dials();
        Conferences conferences = new Conferences(registry.sessions());
        this.channels = new ChannelEvents(registry, dials, conferences);
        this.glue = new GlueEvents(registry, Require.nonBlank(defaultRegion, "defaultRegion"), counters, dials);
        this.agents = new AgentEvents(registry, counters, conferences);
        this.outcomes = new OutcomeEvents(registry, counters);
        this.callbacks = new CallbackEvents(registry, defaultRegion, counters);
        this.devices = new DeviceStates(registry.pbx(), counters);
    }

    /** The core events {@code event} means, in order; empty for events that only update channel state. */
    public List<PbxEvent> translate(ManagerEvent event) {
        counters.seen();
        Instant at = Headers.at(event, clock);
        if (event instanceof NewExtenEvent e) {
            return channels.newExten(e);
        } else if (event instanceof NewStateEvent e) {
            return channels.newState(e);
        } else if (event instanceof NewChannelEvent e) {
            return channels.newChannel(e);
        } else if (event instanceof HangupEvent e) {
            return channels.hangup(e, at);
        } else if (event instanceof DialStateEvent e) {
            return channels.dialState(e, at);
        } else if (event instanceof DialEndEvent e) {
            return channels.dialEnd(e, at);
        } else if (event instanceof DialBeginEvent e) {
            return channels.dialBegin(e);
        } else if (event instanceof LocalBridgeEvent) {
            return List.of();
        } else if (event instanceof AgentDialResultEvent e) {
            return glue.agentDialResult(e);
        } else if (event instanceof BridgeEnterEvent e) {
            return channels.bridgeEnter(e, at);
        } else if (event instanceof BridgeLeaveEvent e) {
            return channels.bridgeLeave(e);
        } else if (event instanceof AbstractConfbridgeEvent e) {
            return channels.confbridge(e, at);
        } else if (event instanceof RenameEvent e) {
            return channels.rename(e);
        } else if (event instanceof InboundCallEvent e) {
            return glue.offered(e, at);
        } else if (event instanceof CallerOnHoldEvent e) {
            return glue.onHold(e, at);
        } else if (event instanceof AmdEvent e) {
            return glue.amd(e, at);
        } else if (event instanceof SafeHarbourEvent e) {
            return outcomes.safeHarbour(e, at);
        } else if (event instanceof AmdMessageLeftEvent e) {
            return outcomes.messageLeft(e, at);
        } else if (event instanceof CallTransferredEvent e) {
            return outcomes.transferred(e, at);
        } else if (event instanceof BroadcastPlayedEvent e) {
            return outcomes.broadcast(e, at);
        } else if (event instanceof CallbackRequestedEvent e) {
            return callbacks.requested(e, at);
        } else if (event instanceof AgentLoginEvent e) {
            return agents.login(e, at);
        } else if (event instanceof AgentLogoutEvent e) {
            return agents.logout(e, at);
        } else if (event instanceof AgentSessionStartedEvent e) {
            return agents.sessionStarted(e, at);
        } else if (event instanceof AgentSessionEndedEvent e) {
            return agents.sessionEnded(e, at);
        } else if (event instanceof OriginateResponseEvent e) {
            return originateResponse(e, at);
        } else if (event instanceof DeviceStateChangeEvent e) {
            return devices.changed(e, at);
        } else if (event instanceof ShutdownEvent) {
            return List.of();
        }
        counters.skipped(nameOf(event));
        return List.of();
    }

    /** Events seen so far. */
    public long seen() {
        return counters.seenCount();
    }

    /** Events skipped so far, by AMI event name (UserEvents as {@code UserEvent:<name>}). */
    public Map<String, Long> skipped() {
        return counters.skippedByName();
    }

    /**
     * A failed Originate names its call by the Uniqueid given as {@code ChannelId}; without one it carries
     * {@code Uniqueid: <unknown>} and the requested dial string (Quirk 17), so the ActionID, which call control
     * sets to the call id, names it. A success says nothing new: the Originate's own DialEnd ANSWER (Quirk 18,
     * right after the channel's Newstate Up) already reported the leg answered, and the response may come
     * before or after those (Quirk 29).
     */
    private List<PbxEvent> originateResponse(OriginateResponseEvent e, Instant at) {
        if (!"Failure".equalsIgnoreCase(e.getResponse())) {
            return List.of();
        }
        String uniqueid = Headers.value(e.getUniqueId());
        String actionId = Headers.value(e.getActionId());
        if (uniqueid == null && actionId == null) {
            counters.skipped("OriginateResponse(uncorrelated)");
            return List.of();
        }
        CallId call = uniqueid != null ? CallId.of(registry.pbx().value() + "/" + uniqueid) : CallId.of(actionId);
        return List.of(new PbxEvent.OriginateFailed(registry.pbx(), at, call, Causes.ofOriginateReason(e.getReason())));
    }

    private static String nameOf(ManagerEvent event) {
        if (event instanceof UserEvent) {
            return "UserEvent:" + event.getClass().getSimpleName();
        }
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
