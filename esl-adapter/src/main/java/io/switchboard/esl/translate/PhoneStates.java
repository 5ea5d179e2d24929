package io.switchboard.esl.translate;

import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.esl.EslEventHeaders;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An agent's phone's state derived from its channels, since FreeSWITCH 1.10 sends no device-state event (the
 * recordings have none). A channel belongs to the phone its {@code Channel-Presence-ID} names: sofia sets it to
 * the caller's {@code user@host} on a call the phone places, and the directory's default dial-string sets
 * {@code presence_id=${dialed_user}@${dialed_domain}} on a {@code user/1001@default} call to it; the device is
 * then {@code user/<presence id>}, which is how agents' devices are configured. A channel without one (dialled
 * by address, {@code null/}) is nobody's phone.
 *
 * <p>Whoever placed the channel, the phone is in use while any of its channels is answered or was placed by the
 * phone itself (as Asterisk reports a phone dialling out), ringing while its only channels are calls to it not
 * yet answered, and idle when it has none left. Only changes are reported, at CHANNEL_CREATE, CHANNEL_ANSWER and
 * the first of CHANNEL_HANGUP / CHANNEL_HANGUP_COMPLETE; a device is forgotten once idle.
 */
final class PhoneStates {

    /** Channels of one phone by uuid: whether each is answered or the phone's own; and what was last said. */
    private static final class Phone {
        final Map<String, Boolean> busyChannels = new HashMap<>(4);
        DeviceState reported = DeviceState.IDLE;

        DeviceState state() {
            if (busyChannels.isEmpty()) {
                return DeviceState.IDLE;
            }
            return busyChannels.containsValue(Boolean.TRUE) ? DeviceState.IN_USE : DeviceState.RINGING;
        }
    }

    private final PbxId pbx;
    private final Map<String, Phone> phones = new HashMap<>();

    PhoneStates(PbxId pbx) {
        this.pbx = pbx;
    }

    /** A channel appeared: a call to the phone rings it, a call the phone places (inbound to us) uses it. */
    List<PbxEvent> created(EslEventHeaders event, Instant at) {
        return change(event, at, (uuid, phone) -> phone.busyChannels.putIfAbsent(uuid,
                event.first("Call-Direction").map("inbound"::equals).orElse(false)));
    }

    List<PbxEvent> answered(EslEventHeaders event, Instant at) {
        return change(event, at, (uuid, phone) -> phone.busyChannels.put(uuid, Boolean.TRUE));
    }

    List<PbxEvent> hungUp(EslEventHeaders event, Instant at) {
        return change(event, at, (uuid, phone) -> phone.busyChannels.remove(uuid));
    }

    private List<PbxEvent> change(EslEventHeaders event, Instant at, BiConsumer<String, Phone> how) {
        Optional<String> presence = event.first("Channel-Presence-ID");
        Optional<String> uuid = event.first("Unique-ID");
        if (presence.isEmpty() || uuid.isEmpty() || presence.get().isBlank()) {
            return List.of();
        }
        Phone phone = phones.computeIfAbsent(presence.get(), p -> new Phone());
        how.accept(uuid.get(), phone);
        DeviceState now = phone.state();
        if (now == DeviceState.IDLE) {
            phones.remove(presence.get());
        }
        if (now == phone.reported) {
            return List.of();
        }
        phone.reported = now;
        return List.of(new PbxEvent.AgentDeviceStateChanged(pbx, at, "user/" + presence.get(), now));
    }

    /** Phones with a live channel now. */
    int tracked() {
        return phones.size();
    }
}
