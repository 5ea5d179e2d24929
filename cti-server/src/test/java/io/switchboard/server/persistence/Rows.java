package io.switchboard.server.persistence;

import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.AGENT_SKILLS;
import static io.switchboard.server.persistence.jooq.Tables.AUDIT_LOG;
import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_LOG;
import static io.switchboard.server.persistence.jooq.Tables.SKILLS;

import io.switchboard.server.persistence.jooq.tables.records.AgentSkillsRecord;
import io.switchboard.server.persistence.jooq.tables.records.AgentsRecord;
import io.switchboard.server.persistence.jooq.tables.records.AuditLogRecord;
import io.switchboard.server.persistence.jooq.tables.records.CallLegsRecord;
import io.switchboard.server.persistence.jooq.tables.records.CallsRecord;
import io.switchboard.server.persistence.jooq.tables.records.QueueLogRecord;
import io.switchboard.server.persistence.jooq.tables.records.SkillsRecord;
import java.time.Instant;
import org.jooq.JSON;

/** Records for the round-trip tests, one inbound call answered by agent a1. */
final class Rows {

  static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");

  private Rows() {
  }

  static AgentsRecord agent(String id, String name) {
    AgentsRecord agent = AGENTS.newRecord();
    agent.setId(id);
    agent.setDisplayName(name);
    agent.setDevice("PJSIP/" + id);
    agent.setEnabled(true);
    agent.setCreatedAt(T0);
    agent.setUpdatedAt(T0);
    return agent;
  }

  static SkillsRecord skill(String id) {
    SkillsRecord skill = SKILLS.newRecord();
    skill.setId(id);
    skill.setDescription(id + " questions");
    return skill;
  }

  static AgentSkillsRecord proficiency(String agentId, String skillId, int level) {
    AgentSkillsRecord row = AGENT_SKILLS.newRecord();
    row.setAgentId(agentId);
    row.setSkillId(skillId);
    row.setProficiency((byte) level);
    return row;
  }

  static CallsRecord inboundCall(String id, String agentId) {
    CallsRecord call = CALLS.newRecord();
    call.setId(id);
    call.setDirection("inbound");
    call.setFromNumber("+14155550100");
    call.setToNumber("+18005550199");
    call.setPbxId("pbx-1");
    call.setQueueId("billing");
    call.setAgentId(agentId);
    call.setStartedAt(T0);
    call.setQueuedAt(T0.plusMillis(1_500));
    call.setAnsweredAt(T0.plusSeconds(12));
    call.setEndedAt(T0.plusSeconds(300));
    call.setDisposition("resolved");
    call.setEndReason("caller-hangup");
    return call;
  }

  static CallLegsRecord leg(String callId, int seq, String role, String agentId) {
    CallLegsRecord leg = CALL_LEGS.newRecord();
    leg.setId(callId + "-" + seq);
    leg.setCallId(callId);
    leg.setSeq(seq);
    leg.setRole(role);
    leg.setPartyNumber(agentId == null ? "+14155550100" : null);
    leg.setAgentId(agentId);
    leg.setEndpoint(agentId == null ? "trunk" : "PJSIP/" + agentId);
    leg.setCreatedAt(T0.plusSeconds(seq));
    leg.setAnsweredAt(T0.plusSeconds(12));
    leg.setEndedAt(T0.plusSeconds(300));
    leg.setEndReason("normal");
    return leg;
  }

  /** Asterisk's CONNECT event: data1 holdtime, data2 bridged uniqueid, data3 ring time. */
  static QueueLogRecord connect(String callId, String agentId) {
    QueueLogRecord row = QUEUE_LOG.newRecord();
    row.setTime(T0.plusSeconds(12));
    row.setCallid(callId);
    row.setQueuename("billing");
    row.setAgent(agentId);
    row.setEvent("CONNECT");
    row.setData("11|" + callId + "-2|3");
    row.setData1("11");
    row.setData2(callId + "-2");
    row.setData3("3");
    row.setData4("");
    row.setData5("");
    return row;
  }

  static AuditLogRecord audit(String actor, String action) {
    AuditLogRecord row = AUDIT_LOG.newRecord();
    row.setOccurredAt(T0);
    row.setActor(actor);
    row.setAction(action);
    row.setEntityType("agent");
    row.setEntityId("a1");
    row.setReason("new hire");
    row.setDetails(JSON.json("{\"skills\": {\"billing\": 7}}"));
    return row;
  }
}
