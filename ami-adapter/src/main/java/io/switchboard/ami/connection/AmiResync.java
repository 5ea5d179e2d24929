package io.switchboard.ami.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The resync after a login: {@code CoreShowChannels} (an EventList of {@code CoreShowChannel} items closed
 * by {@code CoreShowChannelsComplete}, Quirks 4/5) sent asynchronously. The collected channels are handed
 * to {@link ChannelResync} on Asterisk-Java's event thread, the thread that translates every other event:
 * so the events Asterisk sends after the list are applied after it, and a channel that hangs up or starts
 * just after the list is neither resurrected nor forgotten. Reconciling is in-memory work, no I/O.
 *
 * <p>Then the {@linkplain ChannelResync#missedAnnouncements missed announcements}: one {@code Getvar} per
 * variable, sent without waiting; each answer arrives on the same event thread, in order with the events,
 * and the rebuilt UserEvent is translated there like a live one. A channel that hung up meanwhile answers
 * {@code No such channel} and is skipped (its Hangup tells the rest).
 */
final class AmiResync {

    private static final Logger LOG = LoggerFactory.getLogger(AmiResync.class);
    /** {@code ChannelState} of an answered channel ({@code ChannelStateDesc: Up}). */
    private static final int UP = 6;

    private final PbxId pbx;
    private final ManagerConnection connection;
    private final ChannelResync resync;
    private final EventTranslation translation;
    private final Consumer<PbxEvent> publish;
    private final ScheduledExecutorService scheduler;
    private final Duration patience;
    private final Clock clock;

    /**
     * @param scheduler runs the give-up after {@code patience} if a Getvar is never answered, so that
     *                  {@code afterwards} still runs (then on that scheduler)
     * @param clock     stamps the {@link PbxEvent.PbxResynced} published after the channel list
     */
    AmiResync(PbxId pbx, ManagerConnection connection, ChannelResync resync, EventTranslation translation,
            Consumer<PbxEvent> publish, ScheduledExecutorService scheduler, Duration patience, Clock clock) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.patience = patience;
        this.pbx = pbx;
        this.connection = connection;
        this.resync = resync;
        this.translation = translation;
        this.publish = publish;
    }

    /**
     * Queries the live channels and rebuilds missed announcements; {@code afterwards} runs on the event
     * thread once all of that was published, before any later event is translated (or on the calling thread
     * if the query could not be sent).
     */
    void run(Runnable afterwards) {
        try {
            connection.sendEventGeneratingAction(new CoreShowChannelsAction(), answer -> {
                List<CoreShowChannelEvent> live = deliver(answer);
                recover(live, afterwards);
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("AMI pbx={} resync not sent: {}; channel state stays as it was", pbx, e.toString());
            afterwards.run();
        }
    }

    private List<CoreShowChannelEvent> deliver(ResponseEvents answer) {
        if (answer.getResponse() instanceof ManagerError error) {
            LOG.warn("AMI pbx={} CoreShowChannels refused: {}", pbx, error.getMessage());
            return List.of();
        }
        List<CoreShowChannelEvent> live = answer.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast)
                .toList();
        try {
            resync.resynced(live).forEach(publish);
            publish.accept(new PbxEvent.PbxResynced(pbx, clock.instant(), legsOf(live), legsOf(talking(live))));
            LOG.info("AMI pbx={} resynced: {} live channels", pbx, live.size());
            return live;
        } catch (RuntimeException e) {
            LOG.warn("AMI pbx={} resync failed", pbx, e);
            return List.of();
        }
    }

    private void recover(List<CoreShowChannelEvent> live, Runnable afterwards) {
        List<MissedAnnouncement> missed = live.isEmpty() ? List.of() : resync.missedAnnouncements(live);
        if (missed.isEmpty()) {
            afterwards.run();
            return;
        }
        LOG.info("AMI pbx={} reading {} channels whose announcement may have been missed", pbx, missed.size());
        AtomicInteger pending = new AtomicInteger(missed.size());
        AtomicBoolean finished = new AtomicBoolean();
        ScheduledFuture<?> giveUp = scheduler.schedule(() -> {
            if (finished.compareAndSet(false, true)) {
                LOG.warn("AMI pbx={} {} of {} missed announcements unanswered after {} ms; going on without them",
                        pbx, pending.get(), missed.size(), patience.toMillis());
                afterwards.run();
            }
        }, patience.toNanos(), TimeUnit.NANOSECONDS);
        Runnable done = () -> {
            if (pending.decrementAndGet() == 0 && finished.compareAndSet(false, true)) {
                giveUp.cancel(false);
                afterwards.run();
            }
        };
        missed.forEach(m -> read(m, done));
    }

    /** Reads the announcement's variables one by one, then translates the rebuilt UserEvent. */
    private void read(MissedAnnouncement missed, Runnable done) {
        List<String> variables = missed.variables();
        String[] values = new String[variables.size()];
        AtomicInteger left = new AtomicInteger(variables.size());
        boolean[] channelGone = new boolean[1];
        for (int i = 0; i < variables.size(); i++) {
            int index = i;
            try {
                connection.sendAction(new GetVarAction(missed.channel(), variables.get(i)), response -> {
                    if (response instanceof ManagerError) {
                        channelGone[0] = true;
                    } else {
                        values[index] = valueOf(response);
                    }
                    if (left.decrementAndGet() == 0) {
                        if (!channelGone[0]) {
                            missed.rebuild(Arrays.asList(values)).ifPresent(this::translate);
                        }
                        done.run();
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("AMI pbx={} Getvar not sent: {}; the announcement stays missed", pbx, e.toString());
                done.run();
                return;
            }
        }
    }

    private void translate(ManagerEvent rebuilt) {
        try {
            translation.translate(rebuilt).forEach(publish);
        } catch (RuntimeException e) {
            LOG.warn("AMI pbx={} could not translate a rebuilt {}: {}", pbx, rebuilt.getClass().getSimpleName(),
                    e.toString());
        }
    }

    /** The listed channels' legs, named {@code <pbx>/<Uniqueid>} as the registry names a leg it did not create. */
    private Set<LegId> legsOf(List<CoreShowChannelEvent> live) {
        return live.stream().map(CoreShowChannelEvent::getUniqueid).filter(id -> id != null && !id.isBlank())
                .map(id -> LegId.of(pbx.value() + "/" + id)).collect(Collectors.toSet());
    }

    /** The listed channels in a conversation: two or more in one bridge ({@code BridgeId}), all Up. */
    static List<CoreShowChannelEvent> talking(List<CoreShowChannelEvent> live) {
        Map<String, List<CoreShowChannelEvent>> bridges = live.stream()
                .filter(channel -> channel.getBridgeid() != null && !channel.getBridgeid().isBlank())
                .collect(Collectors.groupingBy(CoreShowChannelEvent::getBridgeid));
        return bridges.values().stream()
                .filter(bridge -> bridge.size() >= 2 && bridge.stream()
                        .allMatch(channel -> Integer.valueOf(UP).equals(channel.getChannelState())))
                .flatMap(List::stream).toList();
    }

    /** Getvar's {@code Value}; an unset variable is {@code Value: } (Quirk 10), read as an empty string. */
    private static String valueOf(ManagerResponse response) {
        String value = response instanceof GetVarResponse getVar ? getVar.getValue() : response.getAttribute("value");
        return value == null ? "" : value;
    }
}
