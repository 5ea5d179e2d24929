package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * mod_callcenter with the fixtures' queue {@code support@default} (longest-idle-agent): the
 * {@code callcenter_config} API (tables ending with {@code +OK}, Quirk 22) and the {@code callcenter}
 * dialplan application, which offers the member to an idle agent, calls the agent's contact and
 * bridges, firing {@code CUSTOM callcenter::info} events. Switchboard does not use it; it is here
 * so fixture 09 replays.
 */
final class Callcenter {

    static final String QUEUE = "support@default";
    private static final String QUEUE_ROW = QUEUE + "|longest-idle-agent|tone_stream://%(2000,4000,440,480);loops=-1|system"
            + "|false|300|true|false|60|false|0|0|5||0|0|0|true|On Break";

    private final FsEngine engine;
    private final Map<String, CcAgent> agents = new LinkedHashMap<>();
    /** queue|agent|state|level|position rows; the capture's sqlite DB still held 1000@default (Quirk 22). */
    private final List<String[]> tiers = new ArrayList<>(List.<String[]>of(new String[] {QUEUE, "1000@default", "Ready", "1", "1"}));
    private final List<Member> members = new ArrayList<>();

    private record Member(String uuid, FsChannel channel, long joined) {
    }

    Callcenter(FsEngine engine) {
        this.engine = engine;
    }

    /** {@code callcenter_config ...}; returns the api/response body. */
    String config(String args) {
        String[] a = args.split(" +", 5);
        String what = a.length > 1 ? a[0] + " " + a[1] : args;
        switch (what) {
            case "queue list" -> {
                return a.length > 3 && a[2].equals("members") ? membersTable() : "name|strategy|moh_sound|time_base_score"
                        + "|tier_rules_apply|tier_rule_wait_second|tier_rule_wait_multiply_level|tier_rule_no_agent_no_wait"
                        + "|discard_abandoned_after|abandoned_resume_allowed|max_wait_time|max_wait_time_with_no_agent"
                        + "|max_wait_time_with_no_agent_time_reached|record_template|calls_answered|calls_abandoned"
                        + "|ring_progressively_delay|skip_agents_with_external_calls|agent_no_answer_status\n"
                        + QUEUE_ROW + "\n+OK\n";
            }
            case "agent add" -> {
                CcAgent agent = new CcAgent(a[2], a.length > 3 ? a[3] : "callback");
                agents.put(agent.name, agent);
                fire(ChannelEvents.headers("CC-Agent", agent.name, "CC-Agent-Type", agent.type, "CC-Action", "agent-add"));
                return "+OK\n";
            }
            case "agent set" -> {
                return set(a);
            }
            case "agent list" -> {
                StringBuilder out = new StringBuilder("name|instance_id|uuid|type|contact|status|state|max_no_answer"
                        + "|wrap_up_time|reject_delay_time|busy_delay_time|no_answer_delay_time|last_bridge_start"
                        + "|last_bridge_end|last_offered_call|last_status_change|no_answer_count|calls_answered|talk_time"
                        + "|ready_time|external_calls_count\n");
                agents.values().stream().filter(ag -> a.length < 3 || ag.name.equals(a[2]))
                        .forEach(ag -> out.append(ag.row()).append('\n'));
                return out.append("+OK\n").toString();
            }
            case "agent del" -> {
                agents.remove(a[2]);
                return "+OK\n";
            }
            case "tier add" -> {
                tiers.add(new String[] {a[2], a[3].split(" ")[0], "Ready", a.length > 4 ? a[4].split(" ")[0] : "1",
                        a.length > 4 && a[4].contains(" ") ? a[4].split(" ")[1] : "1"});
                return "+OK\n";
            }
            case "tier list" -> {
                StringBuilder out = new StringBuilder("queue|agent|state|level|position\n");
                tiers.stream().filter(t -> a.length < 3 || t[0].equals(a[2])).forEach(t -> out.append(String.join("|", t)).append('\n'));
                return out.append("+OK\n").toString();
            }
            case "tier del" -> {
                tiers.removeIf(t -> t[0].equals(a[2]) && t[1].equals(a[3]));
                return "+OK\n";
            }
            default -> {
                return "-ERR Unknown Command!\n";
            }
        }
    }

    private String set(String[] a) {
        CcAgent agent = a.length > 4 ? agents.get(a[3]) : null;
        if (agent == null) {
            return "-ERR Invalid Agent!\n";
        }
        String value = a[4];
        switch (a[2]) {
            case "contact" -> {
                agent.contact = value;
                agentEvent(agent, "agent-contact-change", "CC-Agent-Contact", value);
            }
            case "wrap_up_time" -> agent.wrapUpTime = Integer.parseInt(value.trim());
            case "status" -> {
                agent.status = value;
                agent.lastStatusChange = engine.core.micros() / 1_000_000;
                agentEvent(agent, "agent-status-change", "CC-Agent-Status", value);
            }
            case "state" -> {
                agent.state = value;
                agentEvent(agent, "agent-state-change", "CC-Agent-State", value);
            }
            default -> {
                return "-ERR Unknown Command!\n";
            }
        }
        engine.after(Duration.ZERO, this::offer);
        return "+OK\n";
    }

    private String membersTable() {
        StringBuilder out = new StringBuilder("queue|instance_id|uuid|session_uuid|cid_number|cid_name|system_epoch"
                + "|joined_epoch|rejoined_epoch|bridge_epoch|abandoned_epoch|base_score|skill_score|serving_agent"
                + "|serving_system|state|score\n");
        for (Member m : members) {
            String serving = m.channel.peer == null ? "" : agentOf(m.channel.peer).map(ag -> ag.name).orElse("");
            out.append(String.join("|", QUEUE, "single_box", m.uuid, m.channel.uuid, m.channel.callerIdNumber,
                    m.channel.callerIdName, Long.toString(m.joined), Long.toString(m.joined), "0", "0", "0", "0", "0",
                    serving, serving.isEmpty() ? "" : "single_box", "Trying", "1")).append('\n');
        }
        return out.append("+OK\n").toString();
    }

    /** The {@code callcenter <queue>} application: the member waits until an agent takes it. */
    void join(FsChannel member) {
        Member m = new Member(UUID.randomUUID().toString(), member, engine.core.micros() / 1_000_000);
        members.add(m);
        engine.fire(engine.events.custom("callcenter::info", CallingSite.callcenter("member-queue-start"), member, ChannelEvents.headers("CC-Queue", QUEUE,
                "CC-Action", "member-queue-start", "CC-Member-UUID", m.uuid, "CC-Member-Session-UUID", member.uuid,
                "CC-Member-CID-Name", member.callerIdName, "CC-Member-CID-Number", member.callerIdNumber)));
        membersCount();
        engine.after(Duration.ZERO, this::offer);
    }

    private void offer() {
        Optional<Member> waiting = members.stream().filter(m -> m.channel.peer == null && !m.channel.gone).findFirst();
        Optional<CcAgent> idle = agents.values().stream().filter(CcAgent::idle)
                .filter(ag -> tiers.stream().anyMatch(t -> t[0].equals(QUEUE) && t[1].equals(ag.name))).findFirst();
        if (waiting.isEmpty() || idle.isEmpty()) {
            return;
        }
        new CallcenterOffer(engine, this, waiting.get().uuid, waiting.get().joined, waiting.get().channel, idle.get()).start();
    }

    Optional<CcAgent> agentOf(FsChannel agentLeg) {
        return agents.values().stream().filter(ag -> agentLeg.name.equals(ag.contact.replaceAll("^\\{[^}]*}", ""))).findFirst();
    }

    void membersCount() {
        long count = members.stream().filter(m -> !m.channel.gone).count();
        fire(ChannelEvents.headers("CC-Queue", QUEUE, "CC-Action", "members-count", "CC-Count", Long.toString(count),
                "CC-Selection", "Single-Queue"));
    }

    void memberLeft(FsChannel member) {
        members.removeIf(m -> m.channel == member);
    }

    void agentEvent(CcAgent agent, String action, String name, String value) {
        fire(ChannelEvents.headers("CC-Agent", agent.name, "CC-Action", action, name, value));
    }

    void fire(List<EslHeader> cc) {
        String action = cc.stream().filter(x -> x.is("CC-Action")).map(EslHeader::value).findFirst().orElse("");
        List<EslHeader> h = engine.core.startCustom("callcenter::info", CallingSite.callcenter(action));
        h.addAll(cc);
        engine.fire(new FsEvent(h, ""));
    }
}
