package io.switchboard.server.queue;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.queue.JsonFields.BadField;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueDefinition.Reference;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the body of {@code POST /api/v1/queues} or {@code PUT /api/v1/queues/{id}} into a
 * {@link QueueDefinition}, naming the JSON path of the first mistake. Whether the skills and agents it names
 * exist is the store's check, inside the transaction that writes the queue. A rejection is a value.
 */
public final class QueueRequest {

  /** The strategy names the API accepts, in kebab case ({@code ring-all}); snake case is accepted too. */
  public static final String STRATEGIES = Arrays.stream(RoutingStrategy.values()).map(QueueRequest::strategyName)
      .collect(Collectors.joining(", "));

  private static final Set<String> FIELDS = Set.of("id", "name", "strategy", "requiredSkills", "wrapUpSeconds",
      "maxLength", "maxWaitSeconds", "reservationTimeoutSeconds", "ringTimeoutSeconds", "serviceLevelSeconds",
      "ringIntervalSeconds", "memberOrder", "members", "workflow", AnnouncementFields.FIELD, "joinWhenEmpty",
      "leaveWhenEmpty", "exits", PreferredAgentFields.FIELD, QueueRulesRequest.GRACE_FIELD,
      CallbackFields.FIELD, "serviceLevelTargetPercent", "agentScope");
  private static final Set<String> SKILL_FIELDS = Set.of("skill", "minimumLevel");
  private static final Set<String> STEP_FIELDS = Set.of("timeoutSeconds", "priority", "target", "skipWhenNoneAvailable");
  private static final Set<String> TARGET_FIELDS = Set.of("minimumSkills", "agents");

  /** The outcome of checking a request body. */
  public sealed interface Parsed {}

  /** The body describes a valid queue. */
  public record Valid(QueueDefinition queue) implements Parsed {}

  /** The body is wrong in {@code field}, a JSON path such as {@code workflow[0].timeoutSeconds}. */
  public record Invalid(String field, String reason) implements Parsed {}

  private final List<Reference> references = new ArrayList<>();

  private QueueRequest() {}

  /** A new queue; the body must carry its {@code id}. */
  public static Parsed create(JsonObject body) {
    return new QueueRequest().parse(body, Optional.empty());
  }

  /** The whole new configuration of queue {@code id}; a body {@code id}, if any, must be the same. */
  public static Parsed replace(String id, JsonObject body) {
    return new QueueRequest().parse(body, Optional.of(id));
  }

  /** The API name of {@code strategy}: {@code RING_PROGRESSIVELY} is {@code ring-progressively}. */
  public static String strategyName(RoutingStrategy strategy) {
    return strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private Parsed parse(JsonObject body, Optional<String> pathId) {
    try {
      JsonFields fields = new JsonFields(body, "", FIELDS);
      String id = fields.text("id", 64, pathId.orElse(null));
      if (id == null || !AgentRequest.IDENTIFIER.matcher(id).matches()) {
        return new Invalid("id", "required: 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit");
      }
      if (pathId.isPresent() && !pathId.get().equals(id)) {
        return new Invalid("id", "must be the id in the path, '" + pathId.get() + "'");
      }
      QueueId queue = QueueId.of(id);
      String name = fields.text("name", 128, id);
      int reservation = fields.integer("ringTimeoutSeconds", 1, JsonFields.MAX_SECONDS, 15);
      reservation = fields.integer("reservationTimeoutSeconds", 1, JsonFields.MAX_SECONDS, reservation);
      TaskQueue taskQueue = new TaskQueue(queue, name, strategy(fields),
          skills(fields.array("requiredSkills"), "requiredSkills"),
          Duration.ofSeconds(fields.integer("wrapUpSeconds", 0, JsonFields.MAX_SECONDS, 0)),
          fields.integer("maxLength", 0, 100_000, TaskQueue.UNLIMITED_LENGTH),
          Duration.ofSeconds(fields.integer("maxWaitSeconds", 0, JsonFields.MAX_SECONDS, 0)),
          Duration.ofSeconds(reservation));
      QueueSetup setup = QueueSetup.of(taskQueue)
          .withRingInterval(Duration.ofSeconds(fields.integer("ringIntervalSeconds", 1, JsonFields.MAX_SECONDS,
              (int) QueueSetup.DEFAULT_RING_INTERVAL.toSeconds())))
          .withMemberOrder(List.copyOf(agents(fields.array("memberOrder"), "memberOrder")))
          .withAnnouncements(AnnouncementFields.read(fields))
          .withPreferredAgent(PreferredAgentFields.read(fields))
          .withCallback(CallbackFields.read(fields))
          .withRules(QueueRulesRequest.rules(fields, queue, references))
          .withAgentScope(agentScope(fields));
      setup = setup.withEmptyGrace(QueueRulesRequest.emptyGrace(fields, setup.rules()));
      JsonArray steps = fields.array("workflow");
      if (!steps.isEmpty()) {
        setup = setup.withWorkflow(workflow(queue, name, steps));
      }
      int serviceLevel = fields.integer("serviceLevelSeconds", 1, JsonFields.MAX_SECONDS, 20);
      int target = fields.integer("serviceLevelTargetPercent", 1, 100, QueueDefinition.DEFAULT_TARGET_PERCENT);
      // members have no order (each has a penalty); by id, as they read back
      List<AgentId> members = agents(fields.array("members"), "members").stream()
          .sorted(Comparator.comparing(AgentId::value)).toList();
      return new Valid(new QueueDefinition(setup, serviceLevel, members, references, target));
    } catch (BadField bad) {
      return new Invalid(bad.field, bad.getMessage());
    }
  }

  /** The API name of {@code scope}: {@code local} or {@code any}. */
  public static String scopeName(AgentScope scope) {
    return scope.name().toLowerCase(Locale.ROOT);
  }

  private static AgentScope agentScope(JsonFields fields) {
    String given = fields.text("agentScope", 16, scopeName(AgentScope.LOCAL));
    for (AgentScope scope : AgentScope.values()) {
      if (scopeName(scope).equals(given)) {
        return scope;
      }
    }
    throw new BadField("agentScope", "unknown agent scope '" + given + "'; one of local (agents on the caller's PBX"
        + " only), any (also agents on other PBXs the caller's PBX reaches through a trunk)");
  }

  private static RoutingStrategy strategy(JsonFields fields) {
    String given = fields.text("strategy", 32, strategyName(RoutingStrategy.LONGEST_IDLE));
    String name = given.toUpperCase(Locale.ROOT).replace('-', '_');
    for (RoutingStrategy strategy : RoutingStrategy.values()) {
      if (strategy.name().equals(name)) {
        return strategy;
      }
    }
    throw new BadField("strategy", "unknown strategy '" + given + "'; one of " + STRATEGIES);
  }

  private List<SkillRequirement> skills(JsonArray list, String path) {
    List<SkillRequirement> skills = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      JsonFields entry = JsonFields.element(list, i, at, SKILL_FIELDS);
      String skill = entry.text("skill", 64, null);
      if (skill == null || !AgentRequest.IDENTIFIER.matcher(skill).matches()) {
        throw new BadField(entry.at("skill"), "required: 1-64 letters, digits, '.', '-' or '_'");
      }
      if (!seen.add(skill)) {
        throw new BadField(entry.at("skill"), "names '" + skill + "' a second time");
      }
      if (!entry.has("minimumLevel")) {
        throw new BadField(entry.at("minimumLevel"), "required: a whole number from 1 to 10");
      }
      skills.add(SkillRequirement.of(skill, entry.integer("minimumLevel", 1, 10, 1)));
      references.add(new Reference(Kind.SKILL, entry.at("skill"), skill));
    }
    return skills;
  }

  private Set<AgentId> agents(JsonArray list, String path) {
    Set<AgentId> agents = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      if (!(list.getValue(i) instanceof String id) || !AgentRequest.IDENTIFIER.matcher(id).matches()) {
        throw new BadField(at, "must be an agent id");
      }
      if (!agents.add(AgentId.of(id))) {
        throw new BadField(at, "names agent '" + id + "' a second time");
      }
      references.add(new Reference(Kind.AGENT, at, id));
    }
    return agents;
  }

  private Workflow workflow(QueueId queue, String name, JsonArray list) {
    List<WorkflowStep> steps = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "workflow[" + i + "]";
      boolean last = i == list.size() - 1;
      JsonFields step = JsonFields.element(list, i, at, STEP_FIELDS);
      int timeout = step.integer("timeoutSeconds", last ? 0 : 1, JsonFields.MAX_SECONDS, 0);
      if (!last && timeout == 0) {
        throw new BadField(step.at("timeoutSeconds"), "required: only the last step may wait without a timeout");
      }
      JsonFields target = new JsonFields(step.object("target"), step.at("target"), TARGET_FIELDS);
      AgentTarget agentTarget = new AgentTarget(skills(target.array("minimumSkills"), target.at("minimumSkills")),
          agents(target.array("agents"), target.at("agents")));
      steps.add(new WorkflowStep(queue, step.integer("priority", 0, 1_000, 0), Duration.ofSeconds(timeout),
          agentTarget, step.bool("skipWhenNoneAvailable")));
    }
    return new Workflow(name, steps);
  }
}
