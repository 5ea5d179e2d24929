package io.switchboard.core.event;

import io.switchboard.core.Require;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a PBX tells Switchboard, translated by an adapter from AMI or ESL into
 * core words. Events are facts in the past tense; every one names the PBX it
 * came from and when it happened there.
 */
public sealed interface PbxEvent permits
        PbxEvent.CallOffered, PbxEvent.CallReturnedToHold, PbxEvent.CallConnected,
        PbxEvent.LegRinging, PbxEvent.LegAnswered, PbxEvent.LegHungUp,
        PbxEvent.AgentDeviceStateChanged, PbxEvent.AgentLoggedIn, PbxEvent.AgentLoggedOut,
        PbxEvent.AgentSessionOpened, PbxEvent.AgentSessionClosed,
        PbxEvent.DtmfReceived, PbxEvent.AnsweringMachineDetected,
        PbxEvent.SafeHarbourPlayed, PbxEvent.MachineMessageLeft, PbxEvent.CallTransferred,
        PbxEvent.OriginateFailed, PbxEvent.PbxConnected, PbxEvent.PbxResynced, PbxEvent.PbxDisconnected,
        PbxEvent.CallbackRequested, PbxEvent.BroadcastPlayed {

    /** The PBX that reported the event. */
    PbxId pbx();

    /** When the PBX says it happened. */
    Instant at();

    /**
     * A caller reached the contact center: the shipped dialplan answered the call,
     * put it on hold and announced it.
     *
     * @param caller        the calling number; empty when withheld or unparseable
     * @param dialled       what the caller dialled (the DID), as the PBX reports it; may be an internal
     *                      extension such as {@code 100}
     * @param dialledNumber the DID as a public number, when it is one in the PBX's region
     * @param queueHint     the queue the dialplan suggests (from the DID or an IVR choice), if any
     */
    record CallOffered(PbxId pbx, Instant at, CallId call, LegId leg, Optional<PhoneNumber> caller,
                       Did dialled, Optional<PhoneNumber> dialledNumber, Optional<QueueId> queueHint)
            implements PbxEvent {
        public CallOffered {
            requireLeg(pbx, at, call, leg);
            Require.nonNull(caller, "caller");
            Require.nonNull(dialled, "dialled");
            Require.nonNull(dialledNumber, "dialledNumber");
            Require.nonNull(queueHint, "queueHint");
        }
    }

    /**
     * A caller is waiting on hold again after leaving it for an agent, e.g. because the agent's phone was
     * not answered. The caller is still on the line and needs routing again.
     *
     * @param call   the caller's call
     * @param leg    the agent leg that failed, when there was one (a dial to the agent's phone)
     * @param reason why the caller is back on hold
     */
    record CallReturnedToHold(PbxId pbx, Instant at, CallId call, Optional<LegId> leg, HoldReason reason)
            implements PbxEvent {
        public CallReturnedToHold {
            requireCommon(pbx, at);
            Require.nonNull(call, "call");
            Require.nonNull(leg, "leg");
            Require.nonNull(reason, "reason");
        }
    }

    /**
     * The customer is now talking to an agent: the customer's leg was bridged with the agent's phone that
     * was dialled for it, or joined the conference of a nailed-up agent. Reported once per pair of legs.
     *
     * @param call     the customer's call
     * @param leg      the customer's leg
     * @param agentLeg the agent's leg: the dialled phone (a leg of {@code call}), or the nailed-up agent's
     *                 session leg (see {@link AgentSessionOpened}), which belongs to a call of its own
     */
    record CallConnected(PbxId pbx, Instant at, CallId call, LegId leg, LegId agentLeg) implements PbxEvent {
        public CallConnected {
            requireLeg(pbx, at, call, leg);
            Require.nonNull(agentLeg, "agentLeg");
        }
    }

    /** A leg Switchboard asked for (an agent's device, a dialled customer) started ringing. */
    record LegRinging(PbxId pbx, Instant at, CallId call, LegId leg) implements PbxEvent {
        public LegRinging {
            requireLeg(pbx, at, call, leg);
        }
    }

    /** A leg was answered. */
    record LegAnswered(PbxId pbx, Instant at, CallId call, LegId leg) implements PbxEvent {
        public LegAnswered {
            requireLeg(pbx, at, call, leg);
        }
    }

    /** A leg hung up or failed. A customer leg hanging up while its task waits is an abandoned call. */
    record LegHungUp(PbxId pbx, Instant at, CallId call, LegId leg, HangupCause cause) implements PbxEvent {
        public LegHungUp {
            requireLeg(pbx, at, call, leg);
            Require.nonNull(cause, "cause");
        }
    }

    /**
     * An agent's phone changed state.
     *
     * @param device the device as configured on the agent, e.g. {@code PJSIP/1001}
     */
    record AgentDeviceStateChanged(PbxId pbx, Instant at, String device, DeviceState state) implements PbxEvent {
        public AgentDeviceStateChanged {
            requireCommon(pbx, at);
            Require.nonBlank(device, "device");
            Require.nonNull(state, "state");
        }
    }

    /**
     * An agent logged in from a phone (a feature code on the PBX).
     *
     * @param device the phone the agent logged in from, e.g. {@code PJSIP/1001}
     * @param nailed whether the agent stays on the line in a nailed-up session ({@code *70}) rather than
     *               being rung for each call ({@code *71})
     */
    record AgentLoggedIn(PbxId pbx, Instant at, AgentId agent, String device, boolean nailed) implements PbxEvent {
        public AgentLoggedIn {
            requireCommon(pbx, at);
            Require.nonNull(agent, "agent");
            Require.nonBlank(device, "device");
        }
    }

    /**
     * An agent logged out from a phone (a feature code on the PBX).
     *
     * @param device the phone the agent logged out from, e.g. {@code PJSIP/1001}
     */
    record AgentLoggedOut(PbxId pbx, Instant at, AgentId agent, String device) implements PbxEvent {
        public AgentLoggedOut {
            requireCommon(pbx, at);
            Require.nonNull(agent, "agent");
            Require.nonBlank(device, "device");
        }
    }

    /**
     * A nailed-up agent's session began: the agent's leg was answered and waits for callers to be joined.
     *
     * @param leg the agent's session leg; callers joined to it are reported by {@link CallConnected}
     */
    record AgentSessionOpened(PbxId pbx, Instant at, AgentId agent, LegId leg) implements PbxEvent {
        public AgentSessionOpened {
            requireCommon(pbx, at);
            Require.nonNull(agent, "agent");
            Require.nonNull(leg, "leg");
        }
    }

    /**
     * A nailed-up agent's session ended: the agent's leg hung up, so no more callers can be joined to it.
     *
     * @param leg the agent's session leg
     */
    record AgentSessionClosed(PbxId pbx, Instant at, AgentId agent, LegId leg) implements PbxEvent {
        public AgentSessionClosed {
            requireCommon(pbx, at);
            Require.nonNull(agent, "agent");
            Require.nonNull(leg, "leg");
        }
    }

    /**
     * A party pressed a key.
     *
     * @param digit one of {@code 0-9 * # A-D}
     */
    record DtmfReceived(PbxId pbx, Instant at, CallId call, LegId leg, char digit) implements PbxEvent {
        public DtmfReceived {
            requireLeg(pbx, at, call, leg);
            if ("0123456789*#ABCD".indexOf(digit) < 0) {
                throw new IllegalArgumentException("digit must be one of 0-9, *, #, A-D, was '" + digit + "'");
            }
        }
    }

    /** Answering-machine detection finished on an answered outbound leg. */
    record AnsweringMachineDetected(PbxId pbx, Instant at, CallId call, LegId leg, AmdResult result)
            implements PbxEvent {
        public AnsweringMachineDetected {
            requireLeg(pbx, at, call, leg);
            Require.nonNull(result, "result");
        }
    }

    /**
     * An answered outbound call could not be given to an agent, so the glue started the safe-harbour message
     * (Asterisk {@code UserEvent: SafeHarbour}, FreeSWITCH {@code switchboard::safe_harbour}); reported as the
     * message starts, and the glue hangs up after it. The person who answered never reaches an agent: the call
     * counts as abandoned, which is what the outbound abandonment rate counts.
     *
     * @param leg    the customer's leg
     * @param agent  the agent the call was placed for, when the call named one
     * @param reason why no agent took the call
     */
    record SafeHarbourPlayed(PbxId pbx, Instant at, CallId call, LegId leg, Optional<AgentId> agent,
                             SafeHarbourReason reason) implements PbxEvent {
        public SafeHarbourPlayed {
            requireLeg(pbx, at, call, leg);
            Require.nonNull(agent, "agent");
            Require.nonNull(reason, "reason");
        }
    }

    /**
     * The glue finished playing the configured message to an answering machine on an outbound call
     * (Asterisk {@code UserEvent: AMDMessageLeft}, FreeSWITCH {@code switchboard::amd_message_left}); it
     * hangs up next. Follows {@link AnsweringMachineDetected} {@code MACHINE} when the campaign leaves
     * messages; a machine hung up on without a message reports nothing like it.
     *
     * @param leg the customer's leg, answered by the machine
     */
    record MachineMessageLeft(PbxId pbx, Instant at, CallId call, LegId leg) implements PbxEvent {
        public MachineMessageLeft {
            requireLeg(pbx, at, call, leg);
        }
    }

    /**
     * A call was blind-transferred away from Switchboard: the glue handed the leg to the admin's dialplan to
     * dial {@code target} (Asterisk {@code UserEvent: CallTransferred}, FreeSWITCH
     * {@code switchboard::call_transferred}), reported just before it dials. The leg lives on outside
     * Switchboard's routing; an agent who was talking on it is done with it. A transfer without a target or
     * context never gets here: the glue puts the caller back on hold instead ({@link CallReturnedToHold}).
     *
     * @param leg    the leg that was transferred: the caller's (inbound) or the customer's (outbound)
     * @param target where it went; its {@code toString()} is masked
     */
    record CallTransferred(PbxId pbx, Instant at, CallId call, LegId leg, TransferTarget target)
            implements PbxEvent {
        public CallTransferred {
            requireLeg(pbx, at, call, leg);
            Require.nonNull(target, "target");
        }
    }

    /**
     * A call Switchboard asked the PBX to originate never got answered.
     *
     * @param call  the id Switchboard gave the call when it asked for it
     * @param cause why: busy, no answer, bad number, congestion
     */
    record OriginateFailed(PbxId pbx, Instant at, CallId call, HangupCause cause) implements PbxEvent {
        public OriginateFailed {
            requireCommon(pbx, at);
            Require.nonNull(call, "call");
            Require.nonNull(cause, "cause");
        }
    }

    /**
     * The connection to the PBX is up and authenticated; state may need resyncing.
     *
     * @param version the PBX's version string as it reports it
     */
    record PbxConnected(PbxId pbx, Instant at, String version) implements PbxEvent {
        public PbxConnected {
            requireCommon(pbx, at);
            Require.nonBlank(version, "version");
        }
    }

    /**
     * The adapter read the PBX's complete channel list after a login ({@code CoreShowChannels}, {@code show
     * channels as json}) and published what it changed: from here on the events are live again. Sent only when
     * the list was read in full (never after a refused or unreadable one), before the rebuilt announcements of
     * callers it had missed. A new owner of the PBX closes the calls it took over whose caller is not live.
     *
     * @param liveLegs     every listed channel's leg, named as the adapter names a leg it did not create
     *                     ({@code <pbx>/<Uniqueid>}, {@code <pbx>/<uuid>})
     * @param talkingLegs  those of {@code liveLegs} the list shows in a conversation: answered and joined to another
     *                     answered listed leg (Asterisk: two or more channels in one {@code BridgeId}, all Up;
     *                     FreeSWITCH: answered rows tied by {@code call_uuid}, which follows the bridge). A caller's
     *                     leg among them talks to an agent even if the node that routed it never recorded the answer
     */
    record PbxResynced(PbxId pbx, Instant at, Set<LegId> liveLegs, Set<LegId> talkingLegs) implements PbxEvent {
        public PbxResynced {
            requireCommon(pbx, at);
            liveLegs = Set.copyOf(Require.nonNull(liveLegs, "liveLegs"));
            talkingLegs = Set.copyOf(Require.nonNull(talkingLegs, "talkingLegs"));
            if (!liveLegs.containsAll(talkingLegs)) {
                throw new IllegalArgumentException("talkingLegs must be live legs");
            }
        }

        /** A list that tells no leg's conversation (none is taken to talk). */
        public PbxResynced(PbxId pbx, Instant at, Set<LegId> liveLegs) {
            this(pbx, at, liveLegs, Set.of());
        }
    }

    /**
     * The connection to the PBX was lost; calls on it are unknown until it reconnects.
     *
     * @param reason what the adapter knows, for logs
     */
    record PbxDisconnected(PbxId pbx, Instant at, String reason) implements PbxEvent {
        public PbxDisconnected {
            requireCommon(pbx, at);
            Require.nonBlank(reason, "reason");
        }
    }

    /**
     * A waiting caller pressed a key in the hold glue asking to be called back (the glue's
     * {@code SwitchboardCallback} UserEvent or {@code switchboard::callback} CUSTOM event); the glue then plays a
     * confirmation and hangs up. Whether the key asks for a callback is the queue's decision, not the glue's.
     *
     * @param leg    the caller's leg
     * @param digit  the key pressed, one of {@code 0-9 * #}
     * @param number the number to call back as the glue reports it; empty to call the caller's own number
     */
    record CallbackRequested(PbxId pbx, Instant at, CallId call, LegId leg, char digit,
                             Optional<PhoneNumber> number) implements PbxEvent {
        public CallbackRequested {
            requireLeg(pbx, at, call, leg);
            if ("0123456789*#".indexOf(digit) < 0) {
                throw new IllegalArgumentException("digit must be one of 0-9, *, #, was '" + digit + "'");
            }
            Require.nonNull(number, "number");
        }
    }

    /**
     * An agentless campaign's recorded message (its broadcast) was played to a live answer and the glue's opt-out
     * prompt ended (the glue's {@code Broadcast} UserEvent or {@code switchboard::broadcast} CUSTOM event, with
     * {@code Result} {@code heard} or {@code opted-out}). Sent once per call, before the glue hangs up.
     *
     * @param leg      the customer's leg
     * @param optedOut whether the callee pressed the campaign's opt-out digit in the prompt window
     */
    record BroadcastPlayed(PbxId pbx, Instant at, CallId call, LegId leg, boolean optedOut) implements PbxEvent {
        public BroadcastPlayed {
            requireLeg(pbx, at, call, leg);
        }
    }

    private static void requireCommon(PbxId pbx, Instant at) {
        Require.nonNull(pbx, "pbx");
        Require.nonNull(at, "at");
    }

    private static void requireLeg(PbxId pbx, Instant at, CallId call, LegId leg) {
        requireCommon(pbx, at);
        Require.nonNull(call, "call");
        Require.nonNull(leg, "leg");
    }
}
