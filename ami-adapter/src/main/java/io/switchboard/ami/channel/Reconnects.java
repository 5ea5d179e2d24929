package io.switchboard.ami.channel;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the registry knew when the connection was lost, kept until the PBX's list after the next login is
 * compared with it; and whether the PBX itself restarted meanwhile, so that nothing of the old one lives on.
 */
final class Reconnects {

    private volatile Map<String, TrackedChannel> beforeReset = Map.of();
    private volatile boolean pbxRestarted;

    /** The connection was lost with {@code live} known; a second loss before a resync keeps the first. */
    void lost(LiveChannels live) {
        if (beforeReset.isEmpty()) {
            beforeReset = live.copy();
        }
    }

    /** The PBX shut down: none of the channels known before can be live after it. */
    void pbxShutDown() {
        pbxRestarted = true;
    }

    /**
     * The comparison a resync makes, and forgets the loss.
     *
     * @param live    the channels known now (when no loss was seen, they are the ones to compare)
     * @param fromPbx the channels the PBX reports
     */
    Baseline take(LiveChannels live, Collection<ChannelSnapshot> fromPbx) {
        boolean restarted = pbxRestarted;
        Map<String, TrackedChannel> prior = beforeReset.isEmpty() ? live.copy() : beforeReset;
        Set<String> present = new HashSet<>();
        if (!restarted) {
            fromPbx.forEach(c -> present.add(c.uniqueid()));
        }
        Set<String> presentLegs = new HashSet<>();
        present.stream().map(prior::get).filter(Objects::nonNull).forEach(t -> presentLegs.add(t.leg()));
        beforeReset = Map.of();
        pbxRestarted = false;
        return new Baseline(prior, present, presentLegs, restarted);
    }

    /**
     * @param prior       the channels known before, by Uniqueid
     * @param present     the Uniqueids still live (none after a restart: a reused one is a new channel)
     * @param presentLegs the legs of {@code prior} with a channel still live
     * @param restarted   whether the PBX restarted
     */
    record Baseline(Map<String, TrackedChannel> prior, Set<String> present, Set<String> presentLegs,
                    boolean restarted) {

        /** Whether a channel known before ended unseen, with every channel of its leg. */
        boolean ended(TrackedChannel channel) {
            return !present.contains(channel.snapshot().uniqueid()) && !presentLegs.contains(channel.leg());
        }

        /**
         * What ended while Switchboard was not listening: the sessions whose channel is gone
         * ({@code AgentSessionClosed}), then each call leg none of whose channels is live and whose end was
         * not reported before ({@code LegHungUp}, cause {@code OTHER}); {@code endedLegs} records them.
         */
        List<PbxEvent> endedUnseen(PbxId pbx, Instant now, AgentSessions sessions, Set<String> endedLegs,
                Function<String, LegId> legId) {
            List<PbxEvent> ended = new ArrayList<>();
            sessions.closeAll(uniqueid -> !present.contains(uniqueid)).forEach(session -> ended.add(
                    new PbxEvent.AgentSessionClosed(pbx, now, session.agent(), session.leg())));
            for (TrackedChannel gone : prior.values()) {
                if (ended(gone) && gone.snapshot().callId().isPresent() && endedLegs.add(gone.leg())) {
                    ended.add(new PbxEvent.LegHungUp(pbx, now, gone.snapshot().callId().get(), legId.apply(gone.leg()),
                            HangupCause.OTHER));
                }
            }
            return ended;
        }

        /**
         * Hands each channel the PBX reports to {@code known} when it was known before (keeping its call and
         * leg; not after a restart), else to {@code unknown}, the unknown ones last and sorted by name.
         */
        void restore(Collection<ChannelSnapshot> fromPbx, Consumer<TrackedChannel> known,
                Consumer<ChannelSnapshot> unknown) {
            List<ChannelSnapshot> fresh = new ArrayList<>();
            for (ChannelSnapshot channel : fromPbx) {
                TrackedChannel before = restarted ? null : prior.get(channel.uniqueid());
                if (before == null) {
                    fresh.add(channel);
                } else {
                    known.accept(new TrackedChannel(channel.callId().isPresent() ? channel
                            : before.snapshot().callId().map(channel::withCall).orElse(channel), before.leg()));
                }
            }
            fresh.sort(Comparator.comparing(ChannelSnapshot::name));
            fresh.forEach(unknown);
        }
    }
}
