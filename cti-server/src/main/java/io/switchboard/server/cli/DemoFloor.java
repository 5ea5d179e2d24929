package io.switchboard.server.cli;

import io.switchboard.server.config.PbxType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's contact centre: eight agents with skills and three queues with different strategies, created through
 * the node's own REST API (the code path an operator uses), then every agent made available. Idempotent: an agent
 * that already exists is kept, a queue that already exists is replaced with the demo's configuration, so a second
 * start on the same data directory works.
 */
final class DemoFloor {

  /** A demo queue: its id is the DID the glue announces as the queue hint. */
  record DemoQueue(String did, String name, double shareOfCalls, JsonObject body) {}

  /** An agent: id, display name, phone extension and skills by name. */
  record DemoAgent(String id, String name, String extension, Map<String, Integer> skills) {}

  static final List<DemoAgent> AGENTS = List.of(
      new DemoAgent("ada", "Ada Lovelace", "101", Map.of("sales", 8, "billing", 5)),
      new DemoAgent("alan", "Alan Turing", "102", Map.of("sales", 6)),
      new DemoAgent("grace", "Grace Hopper", "103", Map.of("tech", 9, "billing", 4)),
      new DemoAgent("edsger", "Edsger Dijkstra", "104", Map.of("tech", 7)),
      new DemoAgent("barbara", "Barbara Liskov", "105", Map.of("tech", 4, "billing", 7)),
      new DemoAgent("ken", "Ken Thompson", "106", Map.of("billing", 8, "sales", 3)),
      new DemoAgent("margaret", "Margaret Hamilton", "107", Map.of("tech", 6, "sales", 5)),
      new DemoAgent("dennis", "Dennis Ritchie", "108", Map.of("billing", 6, "tech", 3)));

  static final List<DemoQueue> QUEUES = List.of(
      new DemoQueue("4930100100", "Sales", 0.35, new JsonObject()
          .put("strategy", "longest-idle").put("wrapUpSeconds", 5).put("reservationTimeoutSeconds", 15)
          .put("members", new JsonArray(List.of("ada", "alan", "ken", "margaret")))),
      // the bullseye: experts (tech >= 7) for the first 20 s, then anyone with tech >= 3
      new DemoQueue("4930100200", "Technical support", 0.40, new JsonObject()
          .put("strategy", "fewest-calls").put("wrapUpSeconds", 10).put("reservationTimeoutSeconds", 15)
          .put("requiredSkills", new JsonArray().add(skill("tech", 3)))
          .put("members", new JsonArray(List.of("barbara", "dennis", "edsger", "grace", "margaret")))
          .put("workflow", new JsonArray()
              .add(new JsonObject().put("timeoutSeconds", 20).put("skipWhenNoneAvailable", true)
                  .put("target", new JsonObject().put("minimumSkills", new JsonArray().add(skill("tech", 7)))))
              .add(new JsonObject().put("priority", 1)))),
      new DemoQueue("4930100300", "Billing", 0.25, new JsonObject()
          .put("strategy", "round-robin-memory").put("wrapUpSeconds", 5).put("reservationTimeoutSeconds", 15)
          .put("members", new JsonArray(List.of("ada", "barbara", "dennis", "ken")))));

  private static final Logger LOG = LoggerFactory.getLogger(DemoFloor.class);

  private final DemoApi api;
  private final PbxType pbx;

  /** The floor of the node serving HTTP on localhost at {@code httpPort}, its phones on {@code pbx}. */
  DemoFloor(DemoApi api, PbxType pbx) {
    this.api = api;
    this.pbx = pbx;
  }

  /** The prefix of every demo agent's phone, for the traffic model to answer them. */
  static String devicePrefix(PbxType pbx) {
    return pbx == PbxType.FREESWITCH ? "user/agent-" : "SIP/agent-";
  }

  /** The dial string of the demo agent's phone on this PBX. */
  static String device(PbxType pbx, String extension) {
    return devicePrefix(pbx) + extension + (pbx == PbxType.FREESWITCH ? "@default" : "");
  }

  /** Creates (or keeps) the agents, creates (or replaces) the queues, and makes every agent available. */
  void setUp() throws IOException, InterruptedException {
    for (DemoAgent agent : AGENTS) {
      JsonArray skills = new JsonArray();
      agent.skills().forEach((name, level) -> skills.add(new JsonObject().put("skill", name).put("proficiency", level)));
      JsonObject body = new JsonObject().put("id", agent.id()).put("displayName", agent.name())
          .put("device", device(pbx, agent.extension())).put("skills", skills);
      int status = send("POST", "/api/v1/agents", body, 201, 409);
      LOG.info("event=demo-agent agent={} {}", agent.id(), status == 201 ? "created" : "kept");
    }
    for (DemoQueue queue : QUEUES) {
      JsonObject body = queue.body().copy().put("id", queue.did()).put("name", queue.name());
      if (send("POST", "/api/v1/queues", body, 201, 409) == 409) {
        send("PUT", "/api/v1/queues/" + queue.did(), body, 200);
        LOG.info("event=demo-queue queue={} replaced", queue.did());
      } else {
        LOG.info("event=demo-queue queue={} created", queue.did());
      }
    }
    for (DemoAgent agent : AGENTS) {
      send("POST", "/api/v1/agents/" + agent.id() + "/state", new JsonObject().put("state", "available"), 200, 409);
    }
  }


  private int send(String method, String path, JsonObject body, int... expected)
      throws IOException, InterruptedException {
    return api.send(method, path, body.encode(), expected);
  }

  private static JsonObject skill(String name, int level) {
    return new JsonObject().put("skill", name).put("minimumLevel", level);
  }
}
