package io.switchboard.ami.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The resync after a login: {@code CoreShowChannels} (an EventList of {@code CoreShowChannel} items closed
 * by {@code CoreShowChannelsComplete}, Quirks 4/5) sent asynchronously. The collected channels are handed
 * to {@link ChannelResync} on Asterisk-Java's event thread, the thread that translates every other event:
 * so the events Asterisk sends after the list are applied after it, and a channel that hangs up or starts
 * just after the list is neither resurrected nor forgotten. Reconciling is in-memory work, no I/O.
 */
final class AmiResync {

    private static final Logger LOG = LoggerFactory.getLogger(AmiResync.class);

    private final PbxId pbx;
    private final ManagerConnection connection;
    private final ChannelResync resync;
    private final Consumer<PbxEvent> publish;

    AmiResync(PbxId pbx, ManagerConnection connection, ChannelResync resync, Consumer<PbxEvent> publish) {
        this.publish = publish;
        this.pbx = pbx;
        this.connection = connection;
        this.resync = resync;
    }

    /**
     * Queries the live channels; {@code afterwards} runs on the event thread once they were handed over,
     * before any later event is translated (or on the calling thread if the query could not be sent).
     */
    void run(Runnable afterwards) {
        try {
            connection.sendEventGeneratingAction(new CoreShowChannelsAction(), answer -> {
                deliver(answer);
                afterwards.run();
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("AMI pbx={} resync not sent: {}; channel state stays as it was", pbx, e.toString());
            afterwards.run();
        }
    }

    private void deliver(ResponseEvents answer) {
        if (answer.getResponse() instanceof ManagerError error) {
            LOG.warn("AMI pbx={} CoreShowChannels refused: {}", pbx, error.getMessage());
            return;
        }
        List<CoreShowChannelEvent> live = answer.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast)
                .toList();
        try {
            resync.resynced(live).forEach(publish);
            LOG.info("AMI pbx={} resynced: {} live channels", pbx, live.size());
        } catch (RuntimeException e) {
            LOG.warn("AMI pbx={} resync failed", pbx, e);
        }
    }
}
