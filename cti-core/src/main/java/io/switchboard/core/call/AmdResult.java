package io.switchboard.core.call;

/** What answering-machine detection concluded about an answered outbound call. */
public enum AmdResult {

    /** A person answered; the dialer joins the call to an agent. */
    HUMAN,

    /** A machine or voicemail answered; the dialer leaves a message or hangs up, per campaign. */
    MACHINE,

    /** Detection could not decide before its time ran out; campaigns treat it as human unless told otherwise. */
    NOTSURE
}
