package io.switchboard.server.queue;

import io.switchboard.core.id.QueueId;
import io.switchboard.queue.selection.EmptyCondition;
import io.switchboard.queue.selection.EmptyQueueGrace;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.QueueRules;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.queue.JsonFields.BadField;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueDefinition.Reference;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The queue-rule fields of a queue body ({@code joinWhenEmpty}, {@code leaveWhenEmpty}, {@code exits}) as a
 * {@link QueueRules}, and {@code leaveWhenEmptyAfterSeconds} as an {@link EmptyQueueGrace}, naming the JSON path
 * of the first mistake. An overflow's queue is checked to exist by the
 * store, as skills and agents are; a queue overflowing to itself is refused here.
 */
final class QueueRulesRequest {

  /** The condition names the API accepts: {@code paused, in-use, ringing, wrap-up, unavailable, unqualified}. */
  static final String CONDITIONS = Arrays.stream(EmptyCondition.values()).map(EmptyCondition::apiName)
      .collect(Collectors.joining(", "));
  static final String REASONS = Arrays.stream(ExitReason.values()).map(ExitReason::apiName)
      .collect(Collectors.joining(", "));
  private static final Set<String> EXIT_FIELDS = Set.of("action", "queue", "context", "extension");

  /** The queue body's field for {@link EmptyQueueGrace}: seconds the queue must stay empty before callers leave. */
  static final String GRACE_FIELD = "leaveWhenEmptyAfterSeconds";

  private QueueRulesRequest() {}

  static QueueRules rules(JsonFields fields, QueueId self, List<Reference> references) {
    Map<ExitReason, QueueExit> exits = new EnumMap<>(ExitReason.class);
    JsonObject given = fields.object("exits");
    JsonFields exitFields = new JsonFields(given, fields.at("exits"),
        Arrays.stream(ExitReason.values()).map(ExitReason::apiName).collect(Collectors.toSet()));
    for (ExitReason reason : ExitReason.values()) {
      if (exitFields.has(reason.apiName())) {
        String at = exitFields.at(reason.apiName());
        JsonFields exit = new JsonFields(exitFields.object(reason.apiName()), at, EXIT_FIELDS);
        exits.put(reason, exit(exit, reason, self, references));
      }
    }
    return new QueueRules(conditions(fields, "joinWhenEmpty"), conditions(fields, "leaveWhenEmpty"), exits);
  }

  /**
   * The grace of {@link #GRACE_FIELD}, 0 to a day (default 0: leave at once); a grace needs a
   * {@code leaveWhenEmpty} policy to apply to.
   */
  static EmptyQueueGrace emptyGrace(JsonFields fields, QueueRules rules) {
    int seconds = fields.integer(GRACE_FIELD, 0, (int) EmptyQueueGrace.MAX.toSeconds(), 0);
    if (seconds > 0 && rules.leaveWhenEmpty().isEmpty()) {
      throw new BadField(fields.at(GRACE_FIELD), "needs leaveWhenEmpty: the conditions under which the queue is empty");
    }
    return new EmptyQueueGrace(Duration.ofSeconds(seconds));
  }

  private static QueueExit exit(JsonFields exit, ExitReason reason, QueueId self, List<Reference> references) {
    String action = exit.text("action", 16, null);
    if (action == null) {
      throw new BadField(exit.at("action"), "required: overflow, extension, hangup or callback");
    }
    switch (action) {
      case "callback" -> {
        only(exit, Set.of());
        if (reason.atEntry()) {
          throw new BadField(exit.at("action"), "callback only for timeout and leaveempty: a caller turned away on "
              + "arrival has no place to keep");
        }
        return QueueExit.CALL_BACK;
      }
      case "hangup" -> {
        only(exit, Set.of());
        return QueueExit.HANG_UP;
      }
      case "overflow" -> {
        only(exit, Set.of("queue"));
        String queue = exit.text("queue", 64, null);
        if (queue == null || !AgentRequest.IDENTIFIER.matcher(queue).matches()) {
          throw new BadField(exit.at("queue"), "required: the id of another queue");
        }
        if (queue.equals(self.value())) {
          throw new BadField(exit.at("queue"), "a queue cannot overflow to itself");
        }
        references.add(new Reference(Kind.QUEUE, exit.at("queue"), queue));
        return new QueueExit.Overflow(QueueId.of(queue));
      }
      case "extension" -> {
        only(exit, Set.of("context", "extension"));
        String context = exit.text("context", 80, null);
        if (context == null || !QueueExit.Extension.CONTEXT.matcher(context).matches()) {
          throw new BadField(exit.at("context"), "required: a dialplan context, 1-80 letters, digits, '.', '-' or '_'");
        }
        String extension = exit.text("extension", 80, null);
        if (extension == null || !QueueExit.Extension.EXTENSION.matcher(extension).matches()) {
          throw new BadField(exit.at("extension"), "required: 1-80 of 0-9 A-Z a-z * # +");
        }
        return new QueueExit.Extension(context, extension);
      }
      default -> throw new BadField(exit.at("action"),
          "unknown action '" + action + "'; one of overflow, extension, hangup, callback");
    }
  }

  /** An exit names only the fields of its action. */
  private static void only(JsonFields exit, Set<String> allowed) {
    for (String field : List.of("queue", "context", "extension")) {
      if (exit.has(field) && !allowed.contains(field)) {
        throw new BadField(exit.at(field), "not a field of this action");
      }
    }
  }

  private static Set<EmptyCondition> conditions(JsonFields fields, String name) {
    JsonArray list = fields.array(name);
    Set<EmptyCondition> conditions = EnumSet.noneOf(EmptyCondition.class);
    for (int i = 0; i < list.size(); i++) {
      String at = fields.at(name) + "[" + i + "]";
      Object value = list.getValue(i);
      EmptyCondition condition = Arrays.stream(EmptyCondition.values())
          .filter(c -> c.apiName().equals(value) || c.name().equals(value)).findFirst()
          .orElseThrow(() -> new BadField(at, "unknown condition '" + value + "'; one of " + CONDITIONS));
      if (!conditions.add(condition)) {
        throw new BadField(at, "names '" + value + "' a second time");
      }
    }
    return conditions;
  }
}
