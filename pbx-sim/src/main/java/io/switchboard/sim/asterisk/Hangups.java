package io.switchboard.sim.asterisk;

import java.util.ArrayList;
import java.util.List;

/** Ending channels: the events of a hangup and what it sets off (bridges, conferences, Dial). */
final class Hangups {

    private final Calls calls;

    Hangups(Calls calls) {
        this.calls = calls;
    }

    /**
     * Hangs a channel up, and the other half of a Local pair with it, in the order of the
     * transcripts: own cleanup, SoftHangupRequest (if requested), HangupRequest of the other half,
     * Hangup, then the other half's cleanup, SoftHangupRequest and Hangup (Quirks 14, 26).
     */
    void hangup(SimChannel c, boolean requested, int cause) {
        if (!c.alive) {
            return;
        }
        List<Runnable> afterwards = new ArrayList<>();
        cleanup(c, afterwards);
        if (requested) {
            calls.emit("SoftHangupRequest", c, "Cause", "16");
        }
        SimChannel partner = c.partner != null && c.partner.alive ? c.partner : null;
        if (partner != null) {
            calls.emit("HangupRequest", partner, "Cause", Integer.toString(cause));
        }
        HangupHandler.run(calls, c);
        finish(c, cause);
        if (partner != null) {
            boolean inAmiBridge = Bridges.amiBridged(partner);
            cleanup(partner, afterwards);
            if (!partner.applicationOnly && !inAmiBridge) {
                calls.emit("SoftHangupRequest", partner, "Cause", "16");
            }
            HangupHandler.run(calls, partner);
            finish(partner, partner.state == SimChannel.BUSY ? 17 : cause);
        }
        afterwards.forEach(Runnable::run);
    }

    /**
     * The far end of a SIP channel hangs up (BYE): HangupRequest first, then the channel leaves its
     * bridge, SoftHangupRequest and Hangup with Normal Clearing (11).
     */
    void farEndHangsUp(SimChannel c) {
        if (c.alive) {
            calls.emit("HangupRequest", c, "Cause", "16");
            hangup(c, true, 16);
        }
    }

    private void cleanup(SimChannel c, List<Runnable> afterwards) {
        c.cancelTimer();
        c.generation++;
        calls.stopMusic(c);
        calls.queues().hangingUp(c);
        if (c.dialling != null) {
            DialAttempt attempt = c.dialling;
            c.dialling = null;
            afterwards.add(() -> calls.dialing().cancel(attempt));
        }
        if (c.bridge != null && c.bridge.isConference()) {
            calls.conferences().leave(c, afterwards);
        } else if (c.bridge != null) {
            calls.bridges().leave(c, afterwards);
        }
    }

    void finish(SimChannel c, int cause) {
        c.alive = false;
        c.cancelTimer();
        calls.forget(c);
        calls.chanSpy().ending(c);
        calls.emit("Hangup", c, "Cause", Integer.toString(cause), "Cause-txt", causeText(cause));
        calls.deviceStates().channelChanged(c);
        calls.cdrs().hungUp(c);
        calls.queues().deviceChanged(c);
        if (c.callerIdAfterHangup) {
            calls.emit("NewCallerid", c, "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
        }
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "User alerting, no answer";
            default -> "Unknown";
        };
    }
}
