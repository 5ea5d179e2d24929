package io.switchboard.sim.freeswitch;

import static io.switchboard.sim.freeswitch.ChannelEvents.headers;

import java.util.List;

/**
 * {@code uuid_broadcast <transferrer> att_xfer::<dial string>}, as mod_commands (default flags: run on the channel,
 * hold its bridged peer) and mod_dptools' {@code att_xfer} do it. The peer (the customer) hears its
 * {@code hold_music} (else the transferrer's, else vanilla {@code vars.xml}'s {@code local_stream://moh}) while a
 * new leg rings the target. Once it answers, it is bridged to the transferrer (the consultation; the transferrer
 * owns that bridge). The transferrer hanging up completes the transfer: the customer's old bridge ends and the
 * target is bridged to the customer (the target owns it, as {@code uuid_bridge <target> <customer>}). The target
 * hanging up, refusing or not answering puts the transferrer back with the customer. Events only: no
 * {@code switchboard::} event, as no glue runs.
 */
final class AttendedTransfer {

    static final String VANILLA_HOLD_MUSIC = "local_stream://moh";

    private final FsEngine engine;
    private final Originate originate;

    AttendedTransfer(FsEngine engine, Originate originate) {
        this.engine = engine;
        this.originate = originate;
    }

    /** Runs {@code att_xfer <dial>} on {@code transferrer}; {@code holdPeer}: the peer hears music meanwhile. */
    void run(FsChannel transferrer, String dial, boolean holdPeer) {
        FsChannel customer = bridgedPeer(transferrer);
        Channels channels = engine.channels;
        channels.startApp(transferrer, "att_xfer", dial);
        String music = customer == null || !holdPeer ? null : holdMusic(customer, transferrer);
        if (music != null) {
            engine.fire(engine.events.event("CHANNEL_EXECUTE", customer, List.of(), music(music)));
        }
        FsChannel target = originate.consultation(dial, transferrer, answered -> consult(transferrer, answered, customer, music),
                cause -> {
                    transferrer.onHangup = null;
                    endHold(customer, music);
                    channels.completeApp(transferrer, "");
                });
        // the transferrer hanging up while the target rings cancels that leg
        transferrer.onHangup = cause -> channels.hangup(target, "ORIGINATOR_CANCEL");
    }

    private void consult(FsChannel transferrer, FsChannel target, FsChannel customer, String music) {
        transferrer.onHangup = null;
        transferrer.afterBridge = () -> {
            endHold(customer, music);
            if (alive(customer)) {
                engine.bridging().unbridge(customer);
                engine.bridging().bridge(transferrer, customer);
            } else {
                engine.channels.hangup(transferrer, "NORMAL_CLEARING");
            }
        };
        target.afterBridge = () -> {
            endHold(customer, music);
            if (alive(customer)) {
                engine.bridging().unbridge(customer);
                engine.bridging().bridge(target, customer);
            } else {
                engine.channels.hangup(target, "NORMAL_CLEARING");
            }
        };
        engine.bridging().bridgeByApplication(transferrer, target);
    }

    private void endHold(FsChannel customer, String music) {
        if (music != null && alive(customer)) {
            engine.fire(engine.events.event("CHANNEL_EXECUTE_COMPLETE", customer, List.of(),
                    headers("Application", "playback", "Application-Data", music, "Application-Response", "FILE PLAYED")));
        }
    }

    private static List<io.switchboard.sim.esl.EslHeader> music(String music) {
        return headers("Application", "playback", "Application-Data", music);
    }

    private static String holdMusic(FsChannel customer, FsChannel transferrer) {
        String own = customer.variables.getOrDefault("hold_music", "");
        String theirs = transferrer.variables.getOrDefault("hold_music", "");
        return !own.isEmpty() ? own : !theirs.isEmpty() ? theirs : VANILLA_HOLD_MUSIC;
    }

    private static FsChannel bridgedPeer(FsChannel ch) {
        FsChannel peer = ch.peer;
        return peer != null && !peer.gone && peer.peer == ch ? peer : null;
    }

    private static boolean alive(FsChannel ch) {
        return ch != null && !ch.gone;
    }
}
