package io.switchboard.sim.freeswitch;

import static io.switchboard.sim.freeswitch.ChannelEvents.headers;

import io.switchboard.sim.esl.EslHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One member offered to one agent by mod_callcenter (fixture 09): Receiving, agent-offering, the
 * agent's contact called and answered, bridge-agent-start, the bridge, In a queue call; when the
 * call ends bridge-agent-end on the agent leg, member-queue-end on the member, and after the
 * agent's wrap-up time Waiting again.
 */
final class CallcenterOffer {

    private final FsEngine engine;
    private final Callcenter callcenter;
    private final String memberUuid;
    private final long joined;
    private final FsChannel member;
    private final CcAgent agent;
    private long called;
    private long answered;

    CallcenterOffer(FsEngine engine, Callcenter callcenter, String memberUuid, long joined, FsChannel member, CcAgent agent) {
        this.engine = engine;
        this.callcenter = callcenter;
        this.memberUuid = memberUuid;
        this.joined = joined;
        this.member = member;
        this.agent = agent;
    }

    void start() {
        agent.state = "Receiving";
        callcenter.agentEvent(agent, "agent-state-change", "CC-Agent-State", agent.state);
        called = seconds();
        agent.lastOfferedCall = called;
        List<EslHeader> offering = headers("CC-Queue", Callcenter.QUEUE, "CC-Action", "agent-offering", "CC-Agent",
                agent.name, "CC-Agent-Type", agent.type, "CC-Agent-System", "single_box");
        offering.addAll(memberHeaders());
        callcenter.fire(offering);
        new Originate(engine).leg(agent.contact, member, this::answered);
    }

    private void answered(FsChannel leg) {
        answered = seconds();
        List<EslHeader> start = headers("CC-Queue", Callcenter.QUEUE, "CC-Action", "bridge-agent-start", "CC-Agent",
                agent.name, "CC-Agent-System", "single_box", "CC-Agent-UUID", leg.uuid, "CC-Agent-Called-Time",
                Long.toString(called), "CC-Agent-Answered-Time", Long.toString(answered), "CC-Member-Joined-Time",
                Long.toString(joined));
        start.addAll(memberHeaders());
        engine.fire(engine.events.custom("callcenter::info", CallingSite.callcenter("bridge-agent-start"), leg, start));
        callcenter.membersCount();
        if (member.gone) {
            engine.channels.hangup(leg, "ORIGINATOR_CANCEL");
            return;
        }
        engine.bridging().bridgeByApplication(member, leg);
        agent.lastBridgeStart = seconds();
        agent.state = "In a queue call";
        callcenter.agentEvent(agent, "agent-state-change", "CC-Agent-State", agent.state);
        leg.afterHangupComplete = () -> agentEnded(leg);
        member.afterHangupComplete = () -> memberEnded(leg);
    }

    private void agentEnded(FsChannel leg) {
        agent.lastBridgeEnd = seconds();
        agent.callsAnswered++;
        agent.talkTime += agent.lastBridgeEnd - agent.lastBridgeStart;
        List<EslHeader> end = headers("CC-Queue", Callcenter.QUEUE, "CC-Action", "bridge-agent-end", "CC-Hangup-Cause",
                "SUCCESS", "CC-Agent", agent.name, "CC-Agent-System", "single_box", "CC-Agent-UUID", leg.uuid,
                "CC-Agent-Bridged", "true", "CC-Agent-Called-Time", Long.toString(called), "CC-Agent-Answered-Time",
                Long.toString(answered), "CC-Member-Joined-Time", Long.toString(joined), "CC-Bridge-Terminated-Time",
                Long.toString(agent.lastBridgeEnd));
        end.addAll(memberHeaders());
        engine.fire(engine.events.custom("callcenter::info", CallingSite.callcenter("bridge-agent-end"), leg, end));
    }

    private void memberEnded(FsChannel leg) {
        List<EslHeader> end = headers("CC-Queue", Callcenter.QUEUE, "CC-Action", "member-queue-end", "CC-Hangup-Cause",
                "SUCCESS", "CC-Cause", "Terminated", "CC-Agent", agent.name, "CC-Agent-System", "single_box",
                "CC-Agent-UUID", leg.uuid, "CC-Agent-Called-Time", Long.toString(called), "CC-Agent-Answered-Time",
                Long.toString(answered), "CC-Member-Leaving-Time", Long.toString(seconds()), "CC-Member-Joined-Time",
                Long.toString(joined));
        end.addAll(memberHeaders());
        engine.fire(engine.events.custom("callcenter::info", CallingSite.callcenter("member-queue-end"), member, end));
        callcenter.memberLeft(member);
        engine.after(Duration.ofSeconds(agent.wrapUpTime), () -> {
            agent.state = "Waiting";
            callcenter.agentEvent(agent, "agent-state-change", "CC-Agent-State", agent.state);
        });
    }

    private List<EslHeader> memberHeaders() {
        return new ArrayList<>(headers("CC-Member-UUID", memberUuid, "CC-Member-Session-UUID", member.uuid,
                "CC-Member-CID-Name", member.callerIdName, "CC-Member-CID-Number", member.callerIdNumber));
    }

    private long seconds() {
        return engine.core.micros() / 1_000_000;
    }
}
