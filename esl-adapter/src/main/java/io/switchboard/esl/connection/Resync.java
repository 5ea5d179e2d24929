package io.switchboard.esl.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.esl.translate.EslEventTranslator;
import io.switchboard.esl.translate.LiveChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The resync after each login: {@code show channels as json} reconciles the tracked legs
 * ({@link EslChannels#reconcile}), then what the glue announced while Switchboard was away is read back
 * ({@link MissedAnnouncement}: waiting callers, session legs) with {@code uuid_getvar} and translated like a
 * live event, so each caller is offered and each session opened once. Between the two, {@link
 * PbxEvent.PbxResynced} tells which legs the list held. Commands go out on the connection's
 * context; parsing, reconciling and translating run on the events executor, in order with live events.
 */
final class Resync {

    private static final Logger LOG = LoggerFactory.getLogger(Resync.class);

    private final PbxId pbx;
    private final Context context;
    private final Executor events;
    private final EslChannels channels;
    private final EslEventTranslator translator;
    private final EslPbxEvents out;
    private final Clock clock;

    Resync(PbxId pbx, Context context, Executor events, EslChannels channels, EslEventTranslator translator,
            EslPbxEvents out, Clock clock) {
        this.pbx = pbx;
        this.context = context;
        this.events = events;
        this.channels = channels;
        this.translator = translator;
        this.out = out;
        this.clock = clock;
    }

    /** Runs the whole resync on {@code session}; completes (on the context) once its events are published. */
    Future<Void> run(EslSession session) {
        return session.send("api show channels as json\n\n")
                .compose(list -> onEvents(() -> reconcile(list.body())))
                .compose(missed -> readBack(session, missed))
                .compose(rebuilt -> onEvents(() -> {
                    rebuilt.forEach(this::translate);
                    return null;
                }));
    }

    private List<MissedAnnouncement> reconcile(String body) {
        List<LiveChannel> listed;
        try {
            listed = ChannelList.parse(body);
        } catch (IllegalArgumentException e) {
            LOG.warn("event=esl-resync-failed pbx={} reason=\"{}\"", pbx, e.getMessage());
            return List.of();
        }
        channels.reconcile(listed, clock.instant()).forEach(out::publish);
        out.publish(new PbxEvent.PbxResynced(pbx, clock.instant(), listed.stream()
                .map(channel -> channels.legOf(channel.uuid())).collect(Collectors.toSet()), talking(listed).stream()
                .map(channel -> channels.legOf(channel.uuid())).collect(Collectors.toSet())));
        List<MissedAnnouncement> missed = MissedAnnouncement.of(listed, channels::announced,
                uuid -> channels.sessionOn(uuid).isPresent());
        if (!missed.isEmpty()) {
            LOG.info("event=esl-resync-read-back pbx={} channels={}", pbx, missed.size());
        }
        return missed;
    }

    /**
     * The listed channels in a conversation: answered rows tied by {@code call_uuid}, which follows the bridge (Quirk
     * 13: the bridged B-leg's {@code call_uuid} is its A-leg's {@code uuid}), two or more answered in one tie.
     */
    static List<LiveChannel> talking(List<LiveChannel> listed) {
        Map<String, List<LiveChannel>> ties = listed.stream().filter(LiveChannel::answered)
                .collect(Collectors.groupingBy(channel -> channel.callUuid().orElse(channel.uuid())));
        return ties.values().stream().filter(tie -> tie.size() >= 2).flatMap(List::stream).toList();
    }

    private void translate(EslEventHeaders rebuilt) {
        try {
            translator.translate(rebuilt).forEach(out::publish);
        } catch (RuntimeException e) {
            LOG.warn("event=esl-resync-read-back-skipped pbx={} uuid={} reason=\"{}\"", pbx,
                    rebuilt.first("Unique-ID").orElse("?"), e.toString());
        }
    }

    /** Sends every {@code uuid_getvar} at once (ESL answers in order) and rebuilds the events. */
    private Future<List<EslEventHeaders>> readBack(EslSession session, List<MissedAnnouncement> missed) {
        List<Future<Optional<EslEventHeaders>>> reads = new ArrayList<>();
        for (MissedAnnouncement one : missed) {
            List<Future<String>> values = one.variables().stream()
                    .map(name -> session.send("api uuid_getvar " + one.channel().uuid() + " " + name + "\n\n")
                            .map(reply -> MissedAnnouncement.value(reply.body())))
                    .toList();
            reads.add(Future.all(values).map(all -> one.rebuild(all.<String>list())));
        }
        return Future.all(reads).map(all -> all.<Optional<EslEventHeaders>>list().stream()
                .flatMap(Optional::stream).toList());
    }

    /** Runs {@code work} on the events executor; the future completes on the context. */
    private <T> Future<T> onEvents(Supplier<T> work) {
        Promise<T> done = Promise.promise();
        events.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                context.runOnContext(v -> done.fail(e));
                return;
            }
            context.runOnContext(v -> done.complete(result));
        });
        return done.future();
    }
}
