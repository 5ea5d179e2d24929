package io.switchboard.esl.control;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent legs rung for one caller ({@code ringAgentLeg}) and the bridge of the first to answer, as
 * mod_callcenter's agent thread {@code uuid_bridge}s the member to the agent who answered. Events come one at a
 * time, in FreeSWITCH's order, so the first {@code LegAnswered} of a leg of the call wins: {@code uuid_setvar
 * <customer> transfer_after_bridge} (unset, so the agent hanging up first ends the call rather than sending the
 * customer back to hold as a nailed-up agent's leaving does), then {@code uuid_bridge <customer> <leg>} (fixture
 * 05; the bridge is then reported as {@code CallConnected}); a leg of the same call
 * answering after it is hung up at once ({@code uuid_kill <leg> LOSE_RACE}), never bridged. The router cancels
 * the legs still ringing once it sees the {@code CallConnected}.
 *
 * <p>Subscribe it to the PBX's events. {@link #ringing} may be called from any thread.
 */
public final class EslRingLegs implements PbxEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EslRingLegs.class);

    /** One caller's ring legs: agent leg id to its channel's uuid, and the winner once one answered. */
    private static final class Round {

        final String customer;
        final Map<LegId, String> legs = new LinkedHashMap<>();
        Optional<LegId> winner = Optional.empty();

        Round(String customer) {
            this.customer = customer;
        }
    }

    private final EslCommands commands;
    private final Map<CallId, Round> rounds = new ConcurrentHashMap<>();

    EslRingLegs(EslCommands commands) {
        this.commands = commands;
    }

    /** {@code agentLeg}, on channel {@code agentUuid}, rings for {@code call}, whose customer is {@code customer}. */
    void ringing(CallId call, String customer, LegId agentLeg, String agentUuid) {
        Round round = rounds.computeIfAbsent(call, c -> new Round(customer));
        synchronized (round) {
            round.legs.put(agentLeg, agentUuid);
        }
    }

    /** The uuid of a ring leg of {@code call}, if it is one. */
    Optional<String> uuidOf(CallId call, LegId agentLeg) {
        Round round = rounds.get(call);
        if (round == null) {
            return Optional.empty();
        }
        synchronized (round) {
            return Optional.ofNullable(round.legs.get(agentLeg));
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
                if (hungUp.leg().value().equals(hungUp.call().value())) {
                    rounds.remove(hungUp.call(), round); // the customer is gone
                } else if (round.legs.isEmpty() && round.winner.isEmpty()) {
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
        String command;
        boolean wins;
        synchronized (round) {
            String uuid = round.legs.get(leg);
            if (uuid == null) {
                return;
            }
            wins = round.winner.isEmpty();
            if (wins) {
                round.winner = Optional.of(leg);
                command = "uuid_bridge " + round.customer + " " + uuid;
            } else {
                command = "uuid_kill " + uuid + " LOSE_RACE";
            }
        }
        LOG.info("event=ring-leg-answered callId={} legId={} command={}", call, leg, command.split(" ")[0]);
        // the hold glue sets transfer_after_bridge for a nailed-up agent leaving (back to hold, AGENTLEFT); a ring
        // leg's agent hanging up must end the call instead, as after a connect, so it is unset before the bridge
        CompletionStage<CommandResult> sent = wins
                ? commands.api("uuid_setvar " + round.customer + " transfer_after_bridge")
                        .thenCompose(unset -> commands.api(command))
                : commands.api(command);
        sent.whenComplete((result, failure) -> {
            if (failure != null || result instanceof CommandResult.Failed) {
                LOG.warn("event=ring-leg-command-failed callId={} legId={} reason={}", call, leg,
                        failure != null ? failure.toString() : result);
            }
        });
    }
}
