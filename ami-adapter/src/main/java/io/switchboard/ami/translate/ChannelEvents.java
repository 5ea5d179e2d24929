package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.core.event.PbxEvent;
import org.asteriskjava.manager.event.AbstractConfbridgeEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConfbridgeJoinEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.RenameEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Channel life cycle events: they keep the registry current and report legs ringing, answered and ended. */
final class ChannelEvents {

    private final ChannelRegistry registry;
    private final Dials dials;

    ChannelEvents(ChannelRegistry registry, Dials dials) {
        this.registry = registry;
        this.dials = dials;
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

    /** A channel joined a bridge; AMI {@code Bridge} may have changed its Linkedid (Quirk 15). */
    List<PbxEvent> bridgeEnter(BridgeEnterEvent e) {
        String linkedid = Headers.value(e.getLinkedId());
        Optional<String> bridge = Optional.ofNullable(Headers.value(e.getBridgeUniqueId()));
        registry.update(Headers.value(e.getUniqueId()),
                c -> c.inBridge(bridge).withLinkedid(linkedid == null ? c.linkedid() : linkedid));
        return List.of();
    }

    List<PbxEvent> bridgeLeave(BridgeLeaveEvent e) {
        registry.update(Headers.value(e.getUniqueId()), c -> c.inBridge(Optional.empty()));
        return List.of();
    }

    /** ConfbridgeJoin may come before the channel's BridgeEnter (Quirk 22); either records the bridge. */
    List<PbxEvent> confbridge(AbstractConfbridgeEvent e) {
        Optional<String> bridge = e instanceof ConfbridgeJoinEvent
                ? Optional.ofNullable(Headers.value(e.getBridgeUniqueId())) : Optional.empty();
        registry.update(Headers.value(e.getUniqueId()), c -> c.inBridge(bridge));
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
            return registry.byUniqueid(dest).flatMap(ChannelSnapshot::callId)
                    .flatMap(call -> registry.legOf(dest).map(leg -> (PbxEvent) new PbxEvent.LegAnswered(
                            registry.pbx(), at, call, leg)))
                    .map(List::of).orElse(List.of());
        }
        return registry.endLeg(dest)
                .map(end -> List.<PbxEvent>of(new PbxEvent.LegHungUp(registry.pbx(), at, end.call(), end.leg(),
                        Causes.ofDialStatus(status))))
                .orElse(List.of());
    }

    List<PbxEvent> hangup(HangupEvent e, Instant at) {
        dials.gone(Headers.value(e.getUniqueId()));
        return registry.closed(Headers.value(e.getUniqueId()))
                .map(end -> List.<PbxEvent>of(new PbxEvent.LegHungUp(registry.pbx(), at, end.call(), end.leg(),
                        Causes.ofQ850(e.getCause()))))
                .orElse(List.of());
    }
}
