package io.switchboard.server.http;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.server.queue.AnnouncementFields;
import io.switchboard.server.queue.PreferredAgentFields;
import io.switchboard.server.queue.CallbackFields;
import io.switchboard.server.queue.QueueDefinition;
import io.switchboard.server.queue.QueueRequest;
import io.switchboard.queue.selection.EmptyCondition;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.QueueRules;
import io.vertx.core.json.JsonArray;
import java.util.Set;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;

/** A queue as the API shows it: the same shape {@code POST} and {@code PUT /api/v1/queues} accept. */
final class QueueJson {

  private QueueJson() {}

  static JsonObject of(QueueDefinition definition) {
    QueueSetup setup = definition.setup();
    TaskQueue queue = setup.queue();
    JsonArray steps = new JsonArray();
    setup.workflow().steps().forEach(step -> steps.add(step(step)));
    return new JsonObject()
        .put("id", queue.id().value())
        .put("name", queue.name())
        .put("strategy", QueueRequest.strategyName(queue.strategy()))
        .put("requiredSkills", skills(queue.requiredSkills()))
        .put("wrapUpSeconds", queue.wrapUp().toSeconds())
        .put("maxLength", queue.maxLength())
        .put("maxWaitSeconds", queue.maxWait().toSeconds())
        .put("reservationTimeoutSeconds", queue.reservationTimeout().toSeconds())
        .put("serviceLevelSeconds", definition.serviceLevelSeconds())
        .put("serviceLevelTargetPercent", definition.serviceLevelTargetPercent())
        .put("ringIntervalSeconds", setup.ringInterval().toSeconds())
        .put("agentScope", QueueRequest.scopeName(setup.agentScope()))
        .put("memberOrder", agents(setup.memberOrder()))
        .put("members", agents(definition.members()))
        .put("workflow", steps)
        .put(AnnouncementFields.FIELD, AnnouncementFields.json(setup.announcements()))
        .put("joinWhenEmpty", conditions(setup.rules().joinWhenEmpty()))
        .put("leaveWhenEmpty", conditions(setup.rules().leaveWhenEmpty()))
        .put("leaveWhenEmptyAfterSeconds", setup.emptyGrace().leaveAfter().toSeconds())
        .put("exits", exits(setup.rules()))
        .put(PreferredAgentFields.FIELD, PreferredAgentFields.json(setup.preferredAgent()))
        .put(CallbackFields.FIELD, CallbackFields.json(setup.callback()));
  }

  private static JsonArray conditions(Set<EmptyCondition> conditions) {
    JsonArray array = new JsonArray();
    conditions.stream().sorted().forEach(c -> array.add(c.apiName()));
    return array;
  }

  /** Every reason's exit, the default hang-up included, so the output says what happens. */
  private static JsonObject exits(QueueRules rules) {
    JsonObject exits = new JsonObject();
    for (ExitReason reason : ExitReason.values()) {
      QueueExit exit = rules.exitFor(reason);
      JsonObject json = new JsonObject();
      if (exit instanceof QueueExit.Overflow overflow) {
        json.put("action", "overflow").put("queue", overflow.queue().value());
      } else if (exit instanceof QueueExit.Extension extension) {
        json.put("action", "extension").put("context", extension.context()).put("extension", extension.extension());
      } else if (exit instanceof QueueExit.CallBack) {
        json.put("action", "callback");
      } else {
        json.put("action", "hangup");
      }
      exits.put(reason.apiName(), json);
    }
    return exits;
  }

  private static JsonObject step(WorkflowStep step) {
    return new JsonObject()
        .put("timeoutSeconds", step.timeout().toSeconds())
        .put("priority", step.priority())
        .put("target", new JsonObject().put("minimumSkills", skills(step.target().minimumSkills()))
            .put("agents", agents(step.target().agents().stream().sorted((a, b) -> a.value().compareTo(b.value()))
                .toList())))
        .put("skipWhenNoneAvailable", step.skipWhenNoneAvailable());
  }

  private static JsonArray skills(List<SkillRequirement> skills) {
    JsonArray array = new JsonArray();
    skills.forEach(s -> array.add(new JsonObject().put("skill", s.skill()).put("minimumLevel", s.minimumLevel())));
    return array;
  }

  private static JsonArray agents(Collection<AgentId> agents) {
    JsonArray array = new JsonArray();
    agents.forEach(a -> array.add(a.value()));
    return array;
  }
}
