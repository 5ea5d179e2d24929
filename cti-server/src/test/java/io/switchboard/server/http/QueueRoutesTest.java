package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.Task;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.BodyLimits;
import io.switchboard.server.config.HttpSettings;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QueueRoutesTest {

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final List<Task> liveTasks = new ArrayList<>();
  private final List<String> changed = new java.util.concurrent.CopyOnWriteArrayList<>();
  private WebClient client;
  private int port;

  @BeforeEach
  void serve() {
    Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_MAX_IMPORT_BYTES));
    new QueueRoutes(new InMemoryQueueCatalogue(Set.of("billing", "french"), Set.of("ada", "bob")),
        () -> Future.succeededFuture(List.copyOf(liveTasks)), queue -> changed.add(queue.value())).mount(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, Object body) {
    var request = client.request(method, port, "127.0.0.1", path);
    return (body == null ? request.send() : request.putHeader("content-type", "application/json")
        .sendBuffer(Buffer.buffer(body.toString()))).await();
  }

  private static JsonObject billing() {
    return new JsonObject().put("id", "billing").put("name", "Billing").put("strategy", "ring-progressively")
        .put("requiredSkills", new JsonArray().add(new JsonObject().put("skill", "billing").put("minimumLevel", 5)))
        .put("wrapUpSeconds", 30).put("maxLength", 20).put("maxWaitSeconds", 600).put("reservationTimeoutSeconds", 12)
        .put("serviceLevelSeconds", 30).put("serviceLevelTargetPercent", 90).put("ringIntervalSeconds", 4)
        .put("agentScope", "any")
        .put("memberOrder", new JsonArray().add("bob").add("ada")).put("members", new JsonArray().add("ada"))
        .put("workflow", new JsonArray()
            .add(new JsonObject().put("timeoutSeconds", 30).put("priority", 1).put("skipWhenNoneAvailable", true)
                .put("target", new JsonObject().put("minimumSkills", new JsonArray()
                    .add(new JsonObject().put("skill", "french").put("minimumLevel", 3)))
                    .put("agents", new JsonArray().add("ada"))))
            .add(new JsonObject().put("timeoutSeconds", 0).put("priority", 2).put("skipWhenNoneAvailable", false)
                .put("target", new JsonObject().put("minimumSkills", new JsonArray()).put("agents", new JsonArray()))))
        .put("announcements", new JsonObject().put("frequencySeconds", 45).put("position", "more")
            .put("positionLimit", 5).put("estimatedWait", "once").put("roundSeconds", 15))
        .put("joinWhenEmpty", new JsonArray().add("paused").add("unavailable"))
        .put("leaveWhenEmpty", new JsonArray().add("paused")).put("leaveWhenEmptyAfterSeconds", 60)
        .put("exits", new JsonObject()
            .put("timeout", new JsonObject().put("action", "overflow").put("queue", "overflow"))
            .put("full", new JsonObject().put("action", "extension").put("context", "voicemail").put("extension", "8001"))
            .put("joinempty", new JsonObject().put("action", "hangup"))
            .put("leaveempty", new JsonObject().put("action", "extension").put("context", "voicemail")
                .put("extension", "8001")))
        .put("preferredAgent", new JsonObject().put("lastAgent", true).put("timeoutSeconds", 20).put("accountOwner", true)
            .put("accountOwnerWaitMillis", 800))
        .put("callback", new JsonObject().put("enabled", true).put("digit", "#").put("offerAfterSeconds", 30)
            .put("offerAboveSeconds", 0).put("attempts", 2).put("ringTimeSeconds", 25).put("retryDelaySeconds", 90));
  }

  /** The queue {@link #billing()} overflows to. */
  private void overflowQueue() {
    assertThat(call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "overflow")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void queue_rules_read_back_and_an_exit_not_given_is_shown_as_hangup() {
    JsonObject answer = call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "sales")
        .put("leaveWhenEmpty", new JsonArray().add("wrap-up").add("IN_USE"))).bodyAsJsonObject();

    assertThat(answer.getJsonArray("leaveWhenEmpty")).containsExactly("in-use", "wrap-up");
    assertThat(answer.getJsonArray("joinWhenEmpty")).isEmpty();
    assertThat(answer.getJsonObject("exits").getJsonObject("timeout").getString("action")).isEqualTo("hangup");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/sales", null).bodyAsJsonObject()).isEqualTo(answer);
  }

  @Test
  void an_exit_may_call_back_a_caller_who_waited_but_not_one_turned_away_on_arrival() {
    JsonObject answer = call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "sales")
        .put("maxWaitSeconds", 300).put("exits", new JsonObject()
            .put("timeout", new JsonObject().put("action", "callback")))).bodyAsJsonObject();

    assertThat(answer.getJsonObject("exits").getJsonObject("timeout").getString("action")).isEqualTo("callback");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject().put("full",
        new JsonObject().put("action", "callback")))), 400, "invalid-field", "exits.full.action");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject().put("timeout",
        new JsonObject().put("action", "callback").put("queue", "overflow")))), 400, "invalid-field",
        "exits.timeout.queue");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);
  }

  @Test
  void the_grace_before_callers_leave_an_empty_queue_reads_back_and_defaults_to_none() {
    JsonObject answer = call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "sales")
        .put("leaveWhenEmpty", new JsonArray().add("paused")).put("leaveWhenEmptyAfterSeconds", 120))
        .bodyAsJsonObject();
    JsonObject plain = call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "plain")).bodyAsJsonObject();

    assertThat(answer.getLong("leaveWhenEmptyAfterSeconds")).isEqualTo(120L);
    assertThat(call(HttpMethod.GET, "/api/v1/queues/sales", null).bodyAsJsonObject()).isEqualTo(answer);
    assertThat(plain.getLong("leaveWhenEmptyAfterSeconds")).isZero();
  }

  @Test
  void a_bad_grace_is_refused_naming_the_field_and_changes_nothing() {
    JsonObject sales = new JsonObject().put("id", "sales").put("leaveWhenEmpty", new JsonArray().add("paused"));

    assertError(call(HttpMethod.POST, "/api/v1/queues", sales.copy().put("leaveWhenEmptyAfterSeconds", -1)), 400,
        "invalid-field", "leaveWhenEmptyAfterSeconds");
    assertError(call(HttpMethod.POST, "/api/v1/queues", sales.copy().put("leaveWhenEmptyAfterSeconds", 86_401)), 400,
        "invalid-field", "leaveWhenEmptyAfterSeconds");
    assertError(call(HttpMethod.POST, "/api/v1/queues", sales.copy().put("leaveWhenEmptyAfterSeconds", "soon")), 400,
        "invalid-field", "leaveWhenEmptyAfterSeconds");
    assertError(call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "sales")
        .put("leaveWhenEmptyAfterSeconds", 30)), 400, "invalid-field", "leaveWhenEmptyAfterSeconds");

    assertThat(call(HttpMethod.GET, "/api/v1/queues/sales", null).statusCode()).isEqualTo(404);
  }

  @Test
  void bad_queue_rules_are_refused_naming_the_field_and_change_nothing() {
    overflowQueue();
    JsonObject selfOverflow = billing().put("exits", new JsonObject().put("timeout",
        new JsonObject().put("action", "overflow").put("queue", "billing")));
    assertError(call(HttpMethod.POST, "/api/v1/queues", selfOverflow), 400, "invalid-field", "exits.timeout.queue");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("joinWhenEmpty", new JsonArray().add("asleep"))),
        400, "invalid-field", "joinWhenEmpty[0]");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject().put("later",
        new JsonObject().put("action", "hangup")))), 400, "invalid-field", "exits.later");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject().put("full",
        new JsonObject().put("action", "voicemail")))), 400, "invalid-field", "exits.full.action");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject().put("full",
        new JsonObject().put("action", "extension").put("context", "voicemail").put("extension", "80 01")))),
        400, "invalid-field", "exits.full.extension");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject().put("full",
        new JsonObject().put("action", "hangup").put("queue", "overflow")))), 400, "invalid-field", "exits.full.queue");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("maxWaitSeconds", -5)), 400, "invalid-field",
        "maxWaitSeconds");
    HttpResponse<Buffer> unknown = call(HttpMethod.POST, "/api/v1/queues", billing().put("exits", new JsonObject()
        .put("timeout", new JsonObject().put("action", "overflow").put("queue", "nowhere"))));
    assertError(unknown, 400, "unknown-queue", "exits.timeout.queue");
    assertThat(unknown.bodyAsJsonObject().getJsonObject("details").getString("queue")).isEqualTo("nowhere");

    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String errorId, String field) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.bodyAsJsonObject().getString("errorId")).isEqualTo(errorId);
    assertThat(response.bodyAsJsonObject().getJsonObject("details").getString("field")).isEqualTo(field);
  }

  @Test
  void bad_announcements_are_refused_naming_the_field_and_create_nothing() {
    JsonObject body = billing();
    body.getJsonObject("announcements").put("roundSeconds", 7);

    assertError(call(HttpMethod.POST, "/api/v1/queues", body), 400, "invalid-field", "announcements.roundSeconds");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_bad_preferred_agent_timeout_is_refused_naming_the_field_and_changes_nothing() {
    overflowQueue();
    JsonObject body = billing();
    body.getJsonObject("preferredAgent").put("timeoutSeconds", -5);
    assertError(call(HttpMethod.POST, "/api/v1/queues", body), 400, "invalid-field", "preferredAgent.timeoutSeconds");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);

    assertThat(call(HttpMethod.POST, "/api/v1/queues", billing()).statusCode()).isEqualTo(201);
    JsonObject replacement = billing();
    replacement.getJsonObject("preferredAgent").put("lastAgent", "yes");
    assertError(call(HttpMethod.PUT, "/api/v1/queues/billing", replacement), 400, "invalid-field",
        "preferredAgent.lastAgent");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).bodyAsJsonObject()).isEqualTo(billing());
  }

  @Test
  void a_service_level_target_outside_1_to_100_is_refused_naming_the_field_and_changes_nothing() {
    overflowQueue();
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("serviceLevelTargetPercent", 0)), 400,
        "invalid-field", "serviceLevelTargetPercent");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);

    assertThat(call(HttpMethod.POST, "/api/v1/queues", billing()).statusCode()).isEqualTo(201);
    assertError(call(HttpMethod.PUT, "/api/v1/queues/billing", billing().put("serviceLevelTargetPercent", 101)), 400,
        "invalid-field", "serviceLevelTargetPercent");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).bodyAsJsonObject()).isEqualTo(billing());
  }

  @Test
  void the_agent_scope_is_local_unless_set_and_a_bad_one_is_refused_naming_the_field_and_changes_nothing() {
    assertThat(call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "overflow")).bodyAsJsonObject()
        .getString("agentScope")).isEqualTo("local");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("agentScope", "everywhere")), 400,
        "invalid-field", "agentScope");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);

    assertThat(call(HttpMethod.POST, "/api/v1/queues", billing()).statusCode()).isEqualTo(201);
    assertError(call(HttpMethod.PUT, "/api/v1/queues/billing", billing().put("agentScope", 1)), 400,
        "invalid-field", "agentScope");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).bodyAsJsonObject()).isEqualTo(billing());
  }

  @Test
  void a_bad_callback_value_is_refused_naming_the_field_and_changes_nothing() {
    overflowQueue();
    JsonObject body = billing();
    body.getJsonObject("callback").put("attempts", 0);
    assertError(call(HttpMethod.POST, "/api/v1/queues", body), 400, "invalid-field", "callback.attempts");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);

    assertThat(call(HttpMethod.POST, "/api/v1/queues", billing()).statusCode()).isEqualTo(201);
    JsonObject replacement = billing();
    replacement.getJsonObject("callback").put("digit", "x");
    assertError(call(HttpMethod.PUT, "/api/v1/queues/billing", replacement), 400, "invalid-field", "callback.digit");
    replacement.getJsonObject("callback").put("digit", "1").put("ringTimeSeconds", -3);
    assertError(call(HttpMethod.PUT, "/api/v1/queues/billing", replacement), 400, "invalid-field",
        "callback.ringTimeSeconds");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).bodyAsJsonObject()).isEqualTo(billing());
  }

  @Test
  void a_created_queue_reads_back_exactly_as_it_was_sent() {
    overflowQueue();
    HttpResponse<Buffer> created = call(HttpMethod.POST, "/api/v1/queues", billing());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.getHeader("location")).isEqualTo("/api/v1/queues/billing");
    assertThat(created.bodyAsJsonObject()).isEqualTo(billing());
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).bodyAsJsonObject()).isEqualTo(billing());
    assertThat(call(HttpMethod.GET, "/api/v1/queues/overflow", null).statusCode()).isEqualTo(200);
  }

  @Test
  void members_read_back_by_id_whatever_order_they_were_sent_in() {
    JsonObject answer = call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "sales")
        .put("members", new JsonArray().add("bob").add("ada"))).bodyAsJsonObject();

    assertThat(answer.getJsonArray("members")).containsExactly("ada", "bob");
    assertThat(call(HttpMethod.GET, "/api/v1/queues/sales", null).bodyAsJsonObject()).isEqualTo(answer);
  }

  @Test
  void a_second_queue_with_the_same_id_is_a_conflict() {
    overflowQueue();
    call(HttpMethod.POST, "/api/v1/queues", billing());

    assertError(call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "billing")), 409, "queue-exists", "id");
  }

  @Test
  void bad_input_is_refused_naming_the_field_and_creates_nothing() {
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("strategy", "ringall")), 400, "invalid-field", "strategy");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("wrapUpSeconds", -1)), 400, "invalid-field", "wrapUpSeconds");
    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("requiredSkills", new JsonArray()
        .add(new JsonObject().put("skill", "billing").put("minimumLevel", 11)))), 400, "invalid-field",
        "requiredSkills[0].minimumLevel");
    assertError(call(HttpMethod.POST, "/api/v1/queues", "{not json"), 400, "invalid-json", null);

    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_skill_or_agent_nobody_knows_is_refused_with_its_own_error_id() {
    HttpResponse<Buffer> skill = call(HttpMethod.POST, "/api/v1/queues", billing().put("requiredSkills",
        new JsonArray().add(new JsonObject().put("skill", "klingon").put("minimumLevel", 5))));
    assertError(skill, 400, "unknown-skill", "requiredSkills[0].skill");
    assertThat(skill.bodyAsJsonObject().getJsonObject("details").getString("skill")).isEqualTo("klingon");

    assertError(call(HttpMethod.POST, "/api/v1/queues", billing().put("memberOrder", new JsonArray().add("zed"))),
        400, "unknown-agent", "memberOrder[0]");
    assertThat(call(HttpMethod.GET, "/api/v1/queues", null).bodyAsJsonObject().getJsonArray("queues")).isEmpty();
  }

  @Test
  void the_router_hears_of_every_queue_stored_or_deleted_and_of_no_refused_write() {
    overflowQueue();
    call(HttpMethod.POST, "/api/v1/queues", billing());
    call(HttpMethod.PUT, "/api/v1/queues/billing", new JsonObject().put("strategy", "linear"));
    call(HttpMethod.PUT, "/api/v1/queues/billing", new JsonObject().put("strategy", "ringall"));
    call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "billing"));
    call(HttpMethod.DELETE, "/api/v1/queues/billing", null);

    assertThat(changed).containsExactly("overflow", "billing", "billing", "billing");
  }

  @Test
  void a_replacement_changes_the_queue_and_a_missing_queue_is_not_found() {
    overflowQueue();
    call(HttpMethod.POST, "/api/v1/queues", billing());

    HttpResponse<Buffer> replaced = call(HttpMethod.PUT, "/api/v1/queues/billing", new JsonObject().put("strategy", "linear"));

    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).bodyAsJsonObject().getString("strategy"))
        .isEqualTo("linear");
    assertError(call(HttpMethod.PUT, "/api/v1/queues/nowhere", new JsonObject()), 404, "queue-not-found", "id");
    assertError(call(HttpMethod.PUT, "/api/v1/queues/billing", new JsonObject().put("id", "sales")), 400,
        "invalid-field", "id");
  }

  @Test
  void a_queue_with_waiting_calls_or_members_is_not_deleted() {
    overflowQueue();
    call(HttpMethod.POST, "/api/v1/queues", billing().put("members", new JsonArray()));
    liveTasks.add(Task.inboundCall(TaskId.of("t1"), CallId.of("c1"), Optional.empty(), QueueId.of("billing"), 0,
        Instant.parse("2026-11-24T09:00:00Z"), Map.of()));

    assertError(call(HttpMethod.DELETE, "/api/v1/queues/billing", null), 409, "queue-in-use", "id");

    liveTasks.clear();
    assertThat(call(HttpMethod.DELETE, "/api/v1/queues/billing", null).statusCode()).isEqualTo(204);
    assertThat(call(HttpMethod.GET, "/api/v1/queues/billing", null).statusCode()).isEqualTo(404);

    call(HttpMethod.POST, "/api/v1/queues", new JsonObject().put("id", "staffed").put("members", new JsonArray().add("bob")));
    assertError(call(HttpMethod.DELETE, "/api/v1/queues/staffed", null), 409, "queue-in-use", "id");
  }

  @Test
  void the_openapi_document_describes_every_queue_route_and_error() throws Exception {
    String openApi;
    try (var in = getClass().getResourceAsStream("/switchboard/openapi.yaml")) {
      openApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(openApi).contains("  /api/v1/queues:\n    get:", "    post:", "  /api/v1/queues/{id}:",
        "    put:", "    delete:", "    Queue:", "ring-progressively", "unknown-skill", "unknown-agent", "queue-exists",
        "queue-not-found", "queue-in-use", "unknown-queue", "joinWhenEmpty", "leaveWhenEmpty", "exits",
        "leaveWhenEmptyAfterSeconds");
  }
}
