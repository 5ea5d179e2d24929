package io.switchboard.core.crm;

/** How a call ended, as a CRM's call record needs it (HubSpot {@code hs_call_status}, Zendesk tickets). */
public enum CallOutcome {
    /** An agent and the customer talked. */
    ANSWERED,
    /** An inbound caller hung up (or was timed out) before an agent answered. */
    MISSED,
    /** An inbound caller left a voicemail. */
    VOICEMAIL,
    /** An outbound call rang out unanswered. */
    NO_ANSWER,
    /** The customer's line was busy. */
    BUSY,
    /** An answering machine picked up an outbound call. */
    MACHINE,
    /** The call could not be placed or failed in the network. */
    FAILED
}
