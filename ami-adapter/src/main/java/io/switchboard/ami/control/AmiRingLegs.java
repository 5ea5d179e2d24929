package io.switchboard.ami.control;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxEventListener;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent legs rung for one caller ({@code ringAgentLeg}) and the bridge of the first to answer, as
 * app_queue's {@code wait_for_answer} takes the first member who answers and hangs up the others. Events come
 * one at a time, in Asterisk's order, so the first {@code LegAnswered} of a ring leg of the call wins: AMI
 * {@code Bridge} of the customer's channel with the agent's (fixture 08b; both {@code BridgeEnter}s then make
 * the translator report {@code CallConnected}); a ring leg of the same call answering after it is hung up at
 * once (cause 26, answered elsewhere), never bridged. The router cancels the legs still ringing once it sees
 * the {@code CallConnected}.
 *
 * <p>Subscribe it to the PBX's events. {@link #ringing} may be called from any thread.
 */
public final class AmiRingLegs implements PbxEventListener {

    /** Q.850 26, "non-selected user clearing": Asterisk's {@code AST_CAUSE_ANSWERED_ELSEWHERE}. */
    static final int ANSWERED_ELSEWHERE = 26;

    private static final Logger LOG = LoggerFactory.getLogger(AmiRingLegs.class);

    /** One caller's ring legs and the winner once one answered. */
    private static final class Round {

        final Set<LegId> legs = new HashSet<>();
        Optional<LegId> winner = Optional.empty();
    }

    private final CallChannels channels;
    private final AmiCommands commands;
    private final Map<CallId, Round> rounds = new ConcurrentHashMap<>();

    AmiRingLegs(CallChannels channels, AmiCommands commands) {
        this.channels = channels;
        this.commands = commands;
    }

    /** {@code agentLeg} rings for {@code call}. */
    void ringing(CallId call, LegId agentLeg) {
        Round round = rounds.computeIfAbsent(call, c -> new Round());
        synchronized (round) {
            round.legs.add(agentLeg);
        }
    }

    /** Whether {@code agentLeg} is a ring leg of {@code call} still known. */
    boolean isRinging(CallId call, LegId agentLeg) {
        Round round = rounds.get(call);
        if (round == null) {
            return false;
        }
        synchronized (round) {
            return round.legs.contains(agentLeg);
        }
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.LegAnswered answered) {
            answered(answered.call(), answered.leg());
        } else if (event instanceof PbxEvent.LegHungUp hungUp) {
            Round round = rounds.get(hungUp.call());
            if (round == null) {
                return;
            }
            synchronized (round) {
                round.legs.remove(hungUp.leg());
                if (round.legs.isEmpty() && round.winner.map(hungUp.leg()::equals).orElse(true)) {
                    rounds.remove(hungUp.call(), round);
                }
            }
        }
    }

    private void answered(CallId call, LegId leg) {
        Round round = rounds.get(call);
        if (round == null) {
            return;
        }
        boolean wins;
        synchronized (round) {
            if (!round.legs.contains(leg)) {
                return;
            }
            wins = round.winner.isEmpty();
            if (wins) {
                round.winner = Optional.of(leg);
            }
        }
        Optional<String> agent = channels.channelOf(call, leg);
        Optional<String> customer = channels.channelOf(call);
        if (agent.isEmpty() || (wins && customer.isEmpty())) {
            LOG.warn("event=ring-leg-unknown-channel callId={} legId={}", call, leg);
            return;
        }
        ManagerAction action = wins ? new BridgeAction(customer.get(), agent.get(), false)
                : new HangupAction(agent.get(), ANSWERED_ELSEWHERE);
        LOG.info("event=ring-leg-answered callId={} legId={} action={}", call, leg, action.getAction());
        commands.send(action).whenComplete((result, failure) -> {
            if (failure != null || result instanceof CommandResult.Failed) {
                LOG.warn("event=ring-leg-action-failed callId={} legId={} reason={}", call, leg,
                        failure != null ? failure.toString() : result);
            }
        });
    }
}
