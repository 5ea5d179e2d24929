package io.switchboard.server.desk;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * The call on an agent's desk: the one ringing them, the one they talk on, or the one they last ended (kept for
 * the wrap-up and a campaign lead's callback until the next call rings).
 *
 * @param number   the caller (inbound) or the customer dialled (outbound); empty when withheld
 * @param queue    the queue an inbound call waited in
 * @param campaign the campaign of a campaign call, with its {@code lead}
 * @param since    when the call entered its {@code phase}
 */
record DeskCall(CallId call, Direction direction, Optional<PhoneNumber> number, Optional<String> queue,
    Optional<CampaignId> campaign, Optional<LeadId> lead, Phase phase, boolean held, boolean recordingPaused,
    Instant since) {

  /** Which way the call goes. */
  enum Direction {
    /** A caller rang a queue. */
    INBOUND,
    /** Switchboard dialled a customer for the agent (their own call, a callback's or a campaign's). */
    OUTBOUND
  }

  /** Where the call is for the agent. */
  enum Phase {
    /** The agent's phone rings (inbound) or the customer is being dialled (outbound). */
    RINGING,
    /** The agent talks to the customer. */
    CONNECTED,
    /** The call ended for the agent; what is left is the wrap-up. */
    ENDED;

    String slug() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  DeskCall in(Phase next, Instant at) {
    return new DeskCall(call, direction, number, queue, campaign, lead, next, next == Phase.CONNECTED && held,
        recordingPaused, at);
  }

  DeskCall holding(boolean on) {
    return new DeskCall(call, direction, number, queue, campaign, lead, phase, on, recordingPaused, since);
  }

  DeskCall recordingPaused(boolean on) {
    return new DeskCall(call, direction, number, queue, campaign, lead, phase, held, on, since);
  }

  /** As the desk's messages carry it; the number in full (the agent's own page needs it, it is never logged). */
  JsonObject toJson() {
    return new JsonObject().put("callId", call.value())
        .put("direction", direction.name().toLowerCase(java.util.Locale.ROOT))
        .put("number", number.map(PhoneNumber::e164).orElse(null)).put("queue", queue.orElse(null))
        .put("campaignId", campaign.map(CampaignId::value).orElse(null))
        .put("leadId", lead.map(LeadId::value).orElse(null)).put("phase", phase.slug()).put("held", held)
        .put("recordingPaused", recordingPaused).put("since", since.toString());
  }
}
