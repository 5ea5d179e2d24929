package io.switchboard.server.cli;

import io.switchboard.server.config.PbxType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;

/**
 * The demo's outbound side, beside its inbound traffic: three of the demo's agents are blended (members of an
 * outbound queue too), two more take outbound calls only, all five nailed up (their lines opened through the API),
 * and a predictive campaign dials
 * {@value #LEADS} simulated customers (Ofcom's drama range, 020 7946 0xxx) whom the traffic model answers as it
 * does any customer: mostly people, some machines, busy or no answer. The leads are placed in a time zone where
 * it is early afternoon now, so the demo dials at whatever hour it is run. Created through the node's own REST
 * API, like the floor; idempotent.
 */
final class DemoCampaign {

  static final String QUEUE = "4930100900";
  static final String ID = "demo-renewals";
  /** Blended: members of inbound queues too, lent to the campaign when inbound can spare them. */
  static final List<String> BLENDED = List.of("ken", "margaret", "dennis");
  /** Outbound only: the campaign's own agents, with the extension of their simulated phone. */
  static final Map<String, String> OUTBOUND_ONLY = Map.of("hedy", "109", "claude", "110");
  static final List<String> AGENTS = List.of("ken", "margaret", "dennis", "hedy", "claude");
  static final int LEADS = 300;

  private static final Logger LOG = LoggerFactory.getLogger(DemoCampaign.class);

  private final DemoApi api;
  private final PbxType pbx;

  DemoCampaign(DemoApi api, PbxType pbx) {
    this.api = api;
    this.pbx = pbx;
  }

  /** Creates the outbound queue, opens the blended agents' lines, creates the campaign and its leads, starts it. */
  void setUp() throws IOException, InterruptedException {
    for (Map.Entry<String, String> agent : new TreeMap<>(OUTBOUND_ONLY).entrySet()) {
      String name = agent.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + agent.getKey().substring(1);
      send("POST", "/api/v1/agents", new JsonObject().put("id", agent.getKey()).put("displayName", name)
          .put("device", DemoFloor.device(pbx, agent.getValue())).encode(), 201, 409);
    }
    JsonObject queue = new JsonObject().put("id", QUEUE).put("name", "Outbound").put("strategy", "longest-idle")
        .put("wrapUpSeconds", 5).put("members", new JsonArray(AGENTS));
    if (send("POST", "/api/v1/queues", queue.encode(), 201, 409) == 409) {
      send("PUT", "/api/v1/queues/" + QUEUE, queue.encode(), 200);
    }
    for (String agent : AGENTS) {
      send("POST", "/api/v1/agents/" + agent + "/session", "{}", 202, 409);
    }
    JsonObject campaign = new JsonObject().put("id", ID).put("name", "Renewals").put("mode", "predictive")
        .put("queue", QUEUE).put("jurisdiction", "uk").put("defaultRegion", "GB")
        .put("callingWindow", new JsonObject().put("opens", "09:00").put("closes", "20:00"));
    if (send("POST", "/api/v1/campaigns", campaign.encode(), 201, 409) == 201) {
      String zone = zoneWhereItIs(13);
      JsonArray leads = new JsonArray();
      for (int i = 0; i < LEADS; i++) {
        leads.add(new JsonObject().put("phone", String.format(Locale.ROOT, "+44207946%04d", i))
            .put("timeZone", zone));
      }
      send("POST", "/api/v1/campaigns/" + ID + "/leads", leads.encode(), 201);
    }
    send("POST", "/api/v1/campaigns/" + ID + "/start", "", 200);
    LOG.info("event=demo-campaign campaign={} leads={} agents={}", ID, LEADS, AGENTS);
  }

  /** An IANA fixed-offset zone ({@code Etc/GMT-2}...) whose local time is now about {@code hour}:00. */
  static String zoneWhereItIs(int hour) {
    int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
    return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
  }


  private int send(String method, String path, String json, int... expected) throws IOException, InterruptedException {
    return api.send(method, path, json, expected);
  }
}
