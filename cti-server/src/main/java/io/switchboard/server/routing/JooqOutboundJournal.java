package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_CALL_RESULTS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.server.persistence.Database;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Outbound calls in MariaDB: one {@code calls} row ({@code direction outbound}, the outcome as
 * {@code end_reason}: {@code completed}, {@code machine}, {@code machine-message}, {@code busy},
 * {@code no-answer}, {@code failed}, {@code abandoned} (a safe-harbour message, or a person never connected:
 * what the abandonment rate counts), {@code hung-up}, {@code transferred}), a {@code customer} leg and the
 * agent's leg (its {@code endpoint} is the session leg the customer is joined to); a transferred call also
 * gets a {@code transfer} leg whose endpoint is {@code <number>@<context>}. A campaign call's row also names its
 * {@code campaign_id} and {@code lead_id}, gets its agent leg when an agent is given the call, and its end writes
 * the {@code campaign_call_results} row the abandon rate is counted from. No queue_log rows: app_queue logs no
 * outbound calls either.
 * Writes run on the database worker pool in the order given.
 */
public final class JooqOutboundJournal implements OutboundJournal {

  private final OrderedWrites writes;

  public JooqOutboundJournal(Database database) {
    this.writes = new OrderedWrites(database);
  }

  @Override
  public CompletionStage<Void> record(OutboundEntry entry) {
    return writes.run(dsl -> write(dsl, entry));
  }

  private static void write(DSLContext dsl, OutboundEntry entry) {
    String call = entry.call().value();
    if (entry instanceof OutboundEntry.Dialled e) {
      dsl.insertInto(CALLS).set(CALLS.ID, call).set(CALLS.DIRECTION, "outbound")
          .set(CALLS.FROM_NUMBER, e.callerId().map(PhoneNumber::e164).orElse(null))
          .set(CALLS.TO_NUMBER, e.to().e164()).set(CALLS.PBX_ID, e.pbx().value())
          .set(CALLS.AGENT_ID, e.agent().value()).set(CALLS.STARTED_AT, e.at())
          .onDuplicateKeyIgnore().execute();
      dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, e.customerLeg().value()).set(CALL_LEGS.CALL_ID, call)
          .set(CALL_LEGS.SEQ, 1).set(CALL_LEGS.ROLE, "customer").set(CALL_LEGS.PARTY_NUMBER, e.to().e164())
          .set(CALL_LEGS.CREATED_AT, e.at()).onDuplicateKeyIgnore().execute();
      dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, e.agentLeg().value()).set(CALL_LEGS.CALL_ID, call)
          .set(CALL_LEGS.SEQ, 2).set(CALL_LEGS.ROLE, "agent").set(CALL_LEGS.AGENT_ID, e.agent().value())
          .set(CALL_LEGS.ENDPOINT, e.sessionLeg().value()).set(CALL_LEGS.CREATED_AT, e.at())
          .onDuplicateKeyIgnore().execute();
    } else if (entry instanceof OutboundEntry.CampaignDialled e) {
      dsl.insertInto(CALLS).set(CALLS.ID, call).set(CALLS.DIRECTION, "outbound")
          .set(CALLS.FROM_NUMBER, e.callerId().map(PhoneNumber::e164).orElse(null))
          .set(CALLS.TO_NUMBER, e.to().e164()).set(CALLS.PBX_ID, e.pbx().value())
          .set(CALLS.CAMPAIGN_ID, e.campaign().value()).set(CALLS.LEAD_ID, leadId(e.lead()))
          .set(CALLS.STARTED_AT, e.at()).onDuplicateKeyIgnore().execute();
      dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, e.customerLeg().value()).set(CALL_LEGS.CALL_ID, call)
          .set(CALL_LEGS.SEQ, 1).set(CALL_LEGS.ROLE, "customer").set(CALL_LEGS.PARTY_NUMBER, e.to().e164())
          .set(CALL_LEGS.CREATED_AT, e.at()).onDuplicateKeyIgnore().execute();
    } else if (entry instanceof OutboundEntry.AgentAssigned e) {
      // a campaign call's agent: one agent leg, named by the last agent it was given to (a failed join retries)
      dsl.update(CALLS).set(CALLS.AGENT_ID, e.agent().value()).where(CALLS.ID.eq(call)).execute();
      dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, e.agentLeg().value()).set(CALL_LEGS.CALL_ID, call)
          .set(CALL_LEGS.SEQ, 2).set(CALL_LEGS.ROLE, "agent").set(CALL_LEGS.AGENT_ID, e.agent().value())
          .set(CALL_LEGS.ENDPOINT, e.sessionLeg().value()).set(CALL_LEGS.CREATED_AT, e.at())
          .onDuplicateKeyUpdate().set(CALL_LEGS.AGENT_ID, e.agent().value())
          .set(CALL_LEGS.ENDPOINT, e.sessionLeg().value()).execute();
    } else if (entry instanceof OutboundEntry.CampaignEnded e) {
      dsl.insertInto(CAMPAIGN_CALL_RESULTS).set(CAMPAIGN_CALL_RESULTS.CALL_ID, call)
          .set(CAMPAIGN_CALL_RESULTS.CAMPAIGN_ID, e.campaign().value())
          .set(CAMPAIGN_CALL_RESULTS.LEAD_ID, leadId(e.lead())).set(CAMPAIGN_CALL_RESULTS.ENDED_AT, e.at())
          .set(CAMPAIGN_CALL_RESULTS.RESULT, e.result()).onDuplicateKeyIgnore().execute();
    } else if (entry instanceof OutboundEntry.Answered e) {
      answered(dsl, call, e.at());
    } else if (entry instanceof OutboundEntry.Detected e) {
      answered(dsl, call, e.at());
    } else if (entry instanceof OutboundEntry.Connected e) {
      dsl.update(CALL_LEGS).set(CALL_LEGS.ANSWERED_AT, e.at()).where(CALL_LEGS.ID.eq(e.agentLeg().value())).execute();
      dsl.update(CALLS).set(CALLS.AGENT_ID, e.agent().value()).where(CALLS.ID.eq(call)).execute();
    } else if (entry instanceof OutboundEntry.Transferred e) {
      Integer last = dsl.select(DSL.max(CALL_LEGS.SEQ)).from(CALL_LEGS).where(CALL_LEGS.CALL_ID.eq(call))
          .fetchOne(0, Integer.class);
      dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, call + "-transfer").set(CALL_LEGS.CALL_ID, call)
          .set(CALL_LEGS.SEQ, last == null ? 1 : last + 1).set(CALL_LEGS.ROLE, "transfer")
          .set(CALL_LEGS.ENDPOINT, Transfers.endpoint(e.target())).set(CALL_LEGS.CREATED_AT, e.at())
          .onDuplicateKeyIgnore().execute();
    } else if (entry instanceof OutboundEntry.Ended e) {
      dsl.update(CALLS).set(CALLS.ENDED_AT, e.at()).set(CALLS.END_REASON, e.outcome().slug())
          .where(CALLS.ID.eq(call)).execute();
      dsl.update(CALL_LEGS).set(CALL_LEGS.ENDED_AT, e.at()).set(CALL_LEGS.END_REASON, e.outcome().slug())
          .where(CALL_LEGS.CALL_ID.eq(call).and(CALL_LEGS.ENDED_AT.isNull())).execute();
    }
  }

  /** {@code leads.id} is a number; the dialer's lead ids are its decimal text. */
  private static long leadId(io.switchboard.core.id.LeadId lead) {
    return Long.parseLong(lead.value());
  }

  /** The customer answered: the first of LegAnswered and the AMD verdict says when. */
  private static void answered(DSLContext dsl, String call, java.time.Instant at) {
    dsl.update(CALLS).set(CALLS.ANSWERED_AT, DSL.coalesce(CALLS.ANSWERED_AT, DSL.val(at, CALLS.ANSWERED_AT)))
        .where(CALLS.ID.eq(call)).execute();
    dsl.update(CALL_LEGS).set(CALL_LEGS.ANSWERED_AT, DSL.coalesce(CALL_LEGS.ANSWERED_AT, DSL.val(at, CALL_LEGS.ANSWERED_AT)))
        .where(CALL_LEGS.CALL_ID.eq(call).and(CALL_LEGS.ROLE.eq("customer"))).execute();
  }
}
