package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.LegId;
import org.asteriskjava.manager.event.AbstractConfbridgeEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConfbridgeEndEvent;
import org.asteriskjava.manager.event.ConfbridgeJoinEvent;
import org.asteriskjava.manager.event.ConfbridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.RenameEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Channel life cycle events: they keep the registry current and report legs ringing, answered and ended. */
final class ChannelEvents {

    private final ChannelRegistry registry;
    private final Dials dials;
    private final Conferences conferences;

    ChannelEvents(ChannelRegistry registry, Dials dials, Conferences conferences) {
        this.registry = registry;
        this.dials = dials;
        this.conferences = conferences;
    }

    List<PbxEvent> newChannel(NewChannelEvent e) {
        String name = Headers.value(e.getChannel());
        String uniqueid = Headers.value(e.getUniqueId());
        if (name != null && uniqueid != null) {
            registry.opened(ChannelSnapshot.of(name, uniqueid, Headers.value(e.getLinkedid()),
                    e.getContext(), e.getExten(), e.getChannelStateDesc()));
        }
        return List.of();
    }

    List<PbxEvent> newState(NewStateEvent e) {
        String state = e.getChannelStateDesc();
        registry.update(Headers.value(e.getUniqueId()), c -> c.withState(state == null ? c.state() : state));
        return List.of();
    }

    List<PbxEvent> newExten(NewExtenEvent e) {
        String context = e.getContext();
        String exten = e.getExtension() != null ? e.getExtension() : e.getExten();
        registry.update(Headers.value(e.getUniqueId()), c -> c.at(context == null ? c.context() : context,
                exten == null ? c.exten() : exten));
        return List.of();
    }

    List<PbxEvent> rename(RenameEvent e) {
        String newName = Headers.value(e.getNewname());
        if (newName != null) {
            registry.update(Headers.value(e.getUniqueId()), c -> new ChannelSnapshot(newName, c.uniqueid(),
                    c.linkedid(), c.context(), c.exten(), c.state(), c.bridgeId(), c.callId()));
        }
        return List.of();
    }

    /**
     * A channel joined a bridge; AMI {@code Bridge} may have changed its Linkedid (Quirk 15). When the two ends
     * of an answered Dial() are now in one bridge, the caller is talking to the leg it dialled.
     */
    List<PbxEvent> bridgeEnter(BridgeEnterEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String linkedid = Headers.value(e.getLinkedId());
        Optional<String> bridge = Optional.ofNullable(Headers.value(e.getBridgeUniqueId()));
        registry.update(uniqueid, c -> c.inBridge(bridge).withLinkedid(linkedid == null ? c.linkedid() : linkedid));
        return dials.answeredDial(uniqueid).map(dial -> connectedIfBridged(dial, at)).orElse(List.of());
    }

    List<PbxEvent> bridgeLeave(BridgeLeaveEvent e) {
        registry.update(Headers.value(e.getUniqueId()), c -> c.inBridge(Optional.empty()));
        return List.of();
    }

    /**
     * ConfbridgeJoin may come before the channel's BridgeEnter (Quirk 22); either records the bridge. A
     * customer joining a nailed-up agent's conference is talking to the agent.
     */
    List<PbxEvent> confbridge(AbstractConfbridgeEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String conference = Headers.value(e.getConference());
        if (e instanceof ConfbridgeEndEvent) {
            conferences.ended(conference);
            return List.of();
        }
        Optional<String> bridge = e instanceof ConfbridgeJoinEvent
                ? Optional.ofNullable(Headers.value(e.getBridgeUniqueId())) : Optional.empty();
        registry.update(uniqueid, c -> c.inBridge(bridge));
        if (uniqueid == null || !Conferences.isAgentConference(conference)) {
            return List.of();
        }
        if (e instanceof ConfbridgeLeaveEvent) {
            conferences.left(conference, uniqueid);
            return List.of();
        }
        if (!(e instanceof ConfbridgeJoinEvent)) {
            return List.of();
        }
        return conferences.joined(conference, uniqueid)
                .map(agent -> connected(uniqueid, agent, at)).orElse(List.of());
    }

    private List<PbxEvent> connectedIfBridged(Dials.Answered dial, Instant at) {
        Optional<String> callerBridge = registry.byUniqueid(dial.caller()).flatMap(ChannelSnapshot::bridgeId);
        Optional<String> destBridge = registry.byUniqueid(dial.dest()).flatMap(ChannelSnapshot::bridgeId);
        if (callerBridge.isEmpty() || !callerBridge.equals(destBridge)) {
            return List.of();
        }
        return connected(dial.caller(), dial.dest(), at);
    }

    private List<PbxEvent> connected(String customer, String agent, Instant at) {
        Optional<ChannelSnapshot> channel = registry.byUniqueid(customer);
        Optional<LegId> leg = registry.legOf(customer);
        Optional<LegId> agentLeg = registry.legOf(agent);
        if (channel.flatMap(ChannelSnapshot::callId).isEmpty() || leg.isEmpty() || agentLeg.isEmpty()
                || !dials.connected(customer, agentLeg.get())) {
            return List.of();
        }
        return List.of(new PbxEvent.CallConnected(registry.pbx(), at, channel.get().callId().get(), leg.get(),
                agentLeg.get()));
    }

    /**
     * Dial() started ringing a destination. When call control expects an agent leg for the caller's call
     * (it Redirected the customer to {@code switchboard-connect}), the destination becomes that leg, so
     * its ringing, answer, end and connection carry the id Switchboard gave.
     */
    List<PbxEvent> dialBegin(DialBeginEvent e) {
        String caller = Headers.value(e.getUniqueId());
        registry.dialled(caller != null ? caller : Headers.value(e.getSrcUniqueId()),
                Headers.value(e.getDestUniqueId()));
        return List.of();
    }

    List<PbxEvent> dialState(DialStateEvent e, Instant at) {
        if (!"RINGING".equals(e.getDialStatus())) {
            return List.of();
        }
        String dest = Headers.value(e.getDestUniqueId());
        return registry.byUniqueid(dest).flatMap(ChannelSnapshot::callId)
                .flatMap(call -> registry.legOf(dest).map(leg -> (PbxEvent) new PbxEvent.LegRinging(
                        registry.pbx(), at, call, leg)))
                .map(List::of).orElse(List.of());
    }

    /**
     * Dial() ended for one destination: answered, or the leg failed. A failed leg is reported here with the
     * DIALSTATUS cause, and not again when its channel hangs up.
     */
    List<PbxEvent> dialEnd(DialEndEvent e, Instant at) {
        String dest = Headers.value(e.getDestUniqueId());
        String caller = Headers.value(e.getUniqueId());
        String status = e.getDialStatus();
        if (caller != null && dest != null && !"ANSWER".equals(status)) {
            registry.legOf(dest).ifPresent(leg -> dials.failed(caller, leg));
        }
        if ("ANSWER".equals(status)) {
            List<PbxEvent> answered = new ArrayList<>(1);
            registry.byUniqueid(dest).flatMap(ChannelSnapshot::callId)
                    .flatMap(call -> registry.legOf(dest).map(leg -> new PbxEvent.LegAnswered(
                            registry.pbx(), at, call, leg)))
                    .ifPresent(answered::add);
            // an Originate's DialEnd has no caller (Quirk 18): a ring leg's is its call's customer, whom
            // call control bridges it to
            String customer = caller != null || dest == null ? caller : registry.ringCustomerOf(dest).orElse(null);
            if (customer != null && dest != null) {
                dials.answered(customer, dest);
                answered.addAll(connectedIfBridged(new Dials.Answered(customer, dest), at));
            }
            return answered;
        }
        return registry.endLeg(dest)
                .map(end -> List.<PbxEvent>of(new PbxEvent.LegHungUp(registry.pbx(), at, end.call(), end.leg(),
                        Causes.ofDialStatus(status))))
                .orElse(List.of());
    }

    List<PbxEvent> hangup(HangupEvent e, Instant at) {
        dials.gone(Headers.value(e.getUniqueId()));
        conferences.gone(Headers.value(e.getUniqueId()));
        return registry.closed(Headers.value(e.getUniqueId()))
                .map(end -> List.<PbxEvent>of(new PbxEvent.LegHungUp(registry.pbx(), at, end.call(), end.leg(),
                        Causes.ofQ850(e.getCause()))))
                .orElse(List.of());
    }
}
