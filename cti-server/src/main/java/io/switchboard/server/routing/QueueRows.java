package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.QUEUES;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_ANNOUNCEMENTS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_EXITS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_MEMBERS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_MEMBER_ORDER;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_REQUIRED_SKILLS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_STEP_AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_STEP_SKILLS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_WORKFLOW_STEPS;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.EmptyCondition;
import io.switchboard.queue.selection.EmptyQueueGrace;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.QueueRules;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.WaitEstimateAnnouncement;
import io.switchboard.server.queue.AnnouncementFields;
import io.switchboard.server.persistence.jooq.tables.records.QueuesRecord;
import io.switchboard.server.queue.QueueDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * A queue's rows: the {@code queues} row, the V3 tables that hold its skills, workflow and member order, and the
 * V4 {@code queue_exits} of its rules.
 */
final class QueueRows {

  private QueueRows() {}

  /** The queue a {@code queues} row and its child rows describe. */
  static QueueDefinition read(DSLContext dsl, QueuesRecord row) {
    String id = row.getId();
    QueueId queue = QueueId.of(id);
    List<SkillRequirement> required = dsl.select(QUEUE_REQUIRED_SKILLS.SKILL_ID, QUEUE_REQUIRED_SKILLS.MINIMUM_LEVEL)
        .from(QUEUE_REQUIRED_SKILLS).where(QUEUE_REQUIRED_SKILLS.QUEUE_ID.eq(id)).orderBy(QUEUE_REQUIRED_SKILLS.SKILL_ID)
        .fetch(r -> SkillRequirement.of(r.value1(), r.value2()));
    TaskQueue taskQueue = new TaskQueue(queue, row.getDisplayName(), JooqTaskQueues.strategyOf(row.getStrategy()),
        required, Duration.ofSeconds(row.getWrapUpSeconds()),
        Optional.ofNullable(row.getMaxWaitingCalls()).orElse(TaskQueue.UNLIMITED_LENGTH),
        Duration.ofSeconds(Optional.ofNullable(row.getMaxWaitSeconds()).orElse(0)),
        Duration.ofSeconds(row.getRingTimeoutSeconds()));
    List<AgentId> order = dsl.select(QUEUE_MEMBER_ORDER.AGENT_ID).from(QUEUE_MEMBER_ORDER)
        .where(QUEUE_MEMBER_ORDER.QUEUE_ID.eq(id)).orderBy(QUEUE_MEMBER_ORDER.POSITION).fetch(r -> AgentId.of(r.value1()));
    QueueSetup setup = QueueSetup.of(taskQueue).withMemberOrder(order)
        .withRingInterval(Optional.ofNullable(row.getRingIntervalSeconds()).map(Duration::ofSeconds)
            .orElse(QueueSetup.DEFAULT_RING_INTERVAL))
        .withAnnouncements(announcements(dsl, id))
        .withPreferredAgent(PreferredAgentRows.read(dsl, id))
        .withCallback(CallbackRows.read(dsl, id))
        .withAgentScope(AgentScope.valueOf(row.getAgentScope().toUpperCase(Locale.ROOT)));
    setup = setup.withRules(rules(dsl, row)).withEmptyGrace(new EmptyQueueGrace(
        Duration.ofSeconds(Optional.ofNullable(row.getLeaveWhenEmptyAfterSeconds()).orElse(0))));
    List<WorkflowStep> steps = steps(dsl, queue);
    if (!steps.isEmpty()) {
      setup = setup.withWorkflow(new Workflow(row.getDisplayName(), steps));
    }
    List<AgentId> members = dsl.select(QUEUE_MEMBERS.AGENT_ID).from(QUEUE_MEMBERS).where(QUEUE_MEMBERS.QUEUE_ID.eq(id))
        .orderBy(QUEUE_MEMBERS.AGENT_ID).fetch(r -> AgentId.of(r.value1()));
    return new QueueDefinition(setup, row.getServiceLevelSeconds(), members, List.of(),
        row.getServiceLevelTargetPercent());
  }

  private static List<WorkflowStep> steps(DSLContext dsl, QueueId queue) {
    List<WorkflowStep> steps = new ArrayList<>();
    dsl.selectFrom(QUEUE_WORKFLOW_STEPS).where(QUEUE_WORKFLOW_STEPS.QUEUE_ID.eq(queue.value()))
        .orderBy(QUEUE_WORKFLOW_STEPS.POSITION).forEach(step -> {
          List<SkillRequirement> skills = dsl.select(QUEUE_STEP_SKILLS.SKILL_ID, QUEUE_STEP_SKILLS.MINIMUM_LEVEL)
              .from(QUEUE_STEP_SKILLS).where(QUEUE_STEP_SKILLS.QUEUE_ID.eq(queue.value())
                  .and(QUEUE_STEP_SKILLS.POSITION.eq(step.getPosition()))).orderBy(QUEUE_STEP_SKILLS.SKILL_ID)
              .fetch(r -> SkillRequirement.of(r.value1(), r.value2()));
          Set<AgentId> agents = new HashSet<>(dsl.select(QUEUE_STEP_AGENTS.AGENT_ID).from(QUEUE_STEP_AGENTS)
              .where(QUEUE_STEP_AGENTS.QUEUE_ID.eq(queue.value()).and(QUEUE_STEP_AGENTS.POSITION.eq(step.getPosition())))
              .fetch(r -> AgentId.of(r.value1())));
          steps.add(new WorkflowStep(queue, step.getPriority(), Duration.ofSeconds(step.getTimeoutSeconds()),
              new AgentTarget(skills, agents), step.getSkipWhenNoneAvailable()));
        });
    return steps;
  }

  /** Inserts ({@code insert}) or updates the {@code queues} row, then rewrites every child row. */
  static void write(DSLContext dsl, QueueDefinition definition, Instant now, boolean insert) {
    String id = definition.id().value();
    QueueSetup setup = definition.setup();
    TaskQueue queue = setup.queue();
    QueuesRecord row = dsl.newRecord(QUEUES);
    row.setId(id);
    row.setDisplayName(queue.name());
    row.setStrategy(queue.strategy().name().toLowerCase(Locale.ROOT));
    row.setRequiredSkillId(null);
    row.setMinProficiency(null);
    row.setRingTimeoutSeconds((int) queue.reservationTimeout().toSeconds());
    row.setWrapUpSeconds((int) queue.wrapUp().toSeconds());
    row.setMaxWaitSeconds(queue.maxWait().isZero() ? null : (int) queue.maxWait().toSeconds());
    row.setMaxWaitingCalls(queue.maxLength() == TaskQueue.UNLIMITED_LENGTH ? null : queue.maxLength());
    row.setServiceLevelSeconds(definition.serviceLevelSeconds());
    row.setServiceLevelTargetPercent(definition.serviceLevelTargetPercent());
    row.setRingIntervalSeconds((int) setup.ringInterval().toSeconds());
    row.setAgentScope(setup.agentScope().name().toLowerCase(Locale.ROOT));
    row.setUpdatedAt(now);
    if (insert) {
      row.setCreatedAt(now);
      row.insert();
    } else {
      row.changed(QUEUES.CREATED_AT, false);
      row.update();
    }
    dsl.deleteFrom(QUEUE_REQUIRED_SKILLS).where(QUEUE_REQUIRED_SKILLS.QUEUE_ID.eq(id)).execute();
    dsl.deleteFrom(QUEUE_MEMBER_ORDER).where(QUEUE_MEMBER_ORDER.QUEUE_ID.eq(id)).execute();
    dsl.deleteFrom(QUEUE_WORKFLOW_STEPS).where(QUEUE_WORKFLOW_STEPS.QUEUE_ID.eq(id)).execute();
    for (SkillRequirement skill : queue.requiredSkills()) {
      dsl.insertInto(QUEUE_REQUIRED_SKILLS).set(QUEUE_REQUIRED_SKILLS.QUEUE_ID, id)
          .set(QUEUE_REQUIRED_SKILLS.SKILL_ID, skill.skill())
          .set(QUEUE_REQUIRED_SKILLS.MINIMUM_LEVEL, (byte) skill.minimumLevel()).execute();
    }
    for (int i = 0; i < setup.memberOrder().size(); i++) {
      dsl.insertInto(QUEUE_MEMBER_ORDER).set(QUEUE_MEMBER_ORDER.QUEUE_ID, id).set(QUEUE_MEMBER_ORDER.POSITION, i)
          .set(QUEUE_MEMBER_ORDER.AGENT_ID, setup.memberOrder().get(i).value()).execute();
    }
    if (!setup.workflow().equals(QueueSetup.of(queue).workflow())) {
      writeSteps(dsl, id, setup.workflow().steps());
    }
    writeMembers(dsl, id, definition.members());
    writeAnnouncements(dsl, id, setup.announcements());
    PreferredAgentRows.write(dsl, id, setup.preferredAgent());
    CallbackRows.write(dsl, id, setup.callback());
    writeRules(dsl, id, setup.rules());
    dsl.update(QUEUES).set(QUEUES.LEAVE_WHEN_EMPTY_AFTER_SECONDS, (int) setup.emptyGrace().leaveAfter().toSeconds())
        .where(QUEUES.ID.eq(id)).execute();
  }

  /** The V5 row of the queue's announcements; none means {@link CallerAnnouncements#OFF}. */
  private static CallerAnnouncements announcements(DSLContext dsl, String id) {
    return dsl.selectFrom(QUEUE_ANNOUNCEMENTS).where(QUEUE_ANNOUNCEMENTS.QUEUE_ID.eq(id)).fetchOptional()
        .map(r -> new CallerAnnouncements(Duration.ofSeconds(r.getFrequencySeconds()),
            PositionAnnouncement.valueOf(r.getPositionMode().toUpperCase(Locale.ROOT)), r.getPositionLimit(),
            WaitEstimateAnnouncement.valueOf(r.getEstimatedWait().toUpperCase(Locale.ROOT)), r.getRoundSeconds()))
        .orElse(CallerAnnouncements.OFF);
  }

  private static void writeAnnouncements(DSLContext dsl, String id, CallerAnnouncements settings) {
    dsl.deleteFrom(QUEUE_ANNOUNCEMENTS).where(QUEUE_ANNOUNCEMENTS.QUEUE_ID.eq(id)).execute();
    if (settings.equals(CallerAnnouncements.OFF)) {
      return;
    }
    dsl.insertInto(QUEUE_ANNOUNCEMENTS).set(QUEUE_ANNOUNCEMENTS.QUEUE_ID, id)
        .set(QUEUE_ANNOUNCEMENTS.FREQUENCY_SECONDS, (int) settings.frequency().toSeconds())
        .set(QUEUE_ANNOUNCEMENTS.POSITION_MODE, AnnouncementFields.name(settings.position()))
        .set(QUEUE_ANNOUNCEMENTS.POSITION_LIMIT, settings.positionLimit())
        .set(QUEUE_ANNOUNCEMENTS.ESTIMATED_WAIT, AnnouncementFields.name(settings.estimatedWait()))
        .set(QUEUE_ANNOUNCEMENTS.ROUND_SECONDS, settings.roundSeconds()).execute();
  }

  /** The queues whose exits overflow to {@code queue}, by id. */
  static List<String> overflowingTo(DSLContext dsl, QueueId queue) {
    return dsl.selectDistinct(QUEUE_EXITS.QUEUE_ID).from(QUEUE_EXITS)
        .where(QUEUE_EXITS.TARGET_QUEUE_ID.eq(queue.value()).and(QUEUE_EXITS.QUEUE_ID.ne(queue.value())))
        .orderBy(QUEUE_EXITS.QUEUE_ID).fetch(r -> r.value1());
  }

  private static QueueRules rules(DSLContext dsl, QueuesRecord row) {
    Map<ExitReason, QueueExit> exits = new EnumMap<>(ExitReason.class);
    dsl.selectFrom(QUEUE_EXITS).where(QUEUE_EXITS.QUEUE_ID.eq(row.getId())).forEach(exit -> {
      ExitReason reason = ExitReason.valueOf(exit.getReason().toUpperCase(Locale.ROOT));
      exits.put(reason, switch (exit.getAction()) {
        case "overflow" -> new QueueExit.Overflow(QueueId.of(exit.getTargetQueueId()));
        case "extension" -> new QueueExit.Extension(exit.getContext(), exit.getExtension());
        case "callback" -> QueueExit.CALL_BACK;
        default -> QueueExit.HANG_UP;
      });
    });
    return new QueueRules(conditions(row.getJoinWhenEmpty()), conditions(row.getLeaveWhenEmpty()), exits);
  }

  private static Set<EmptyCondition> conditions(String stored) {
    Set<EmptyCondition> conditions = EnumSet.noneOf(EmptyCondition.class);
    if (stored != null) {
      for (String name : stored.split(",")) {
        if (!name.isBlank()) {
          conditions.add(EmptyCondition.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
      }
    }
    return conditions;
  }

  private static String stored(Set<EmptyCondition> conditions) {
    return conditions.isEmpty() ? null : conditions.stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }

  private static void writeRules(DSLContext dsl, String id, QueueRules rules) {
    dsl.update(QUEUES).set(QUEUES.JOIN_WHEN_EMPTY, stored(rules.joinWhenEmpty()))
        .set(QUEUES.LEAVE_WHEN_EMPTY, stored(rules.leaveWhenEmpty())).where(QUEUES.ID.eq(id)).execute();
    dsl.deleteFrom(QUEUE_EXITS).where(QUEUE_EXITS.QUEUE_ID.eq(id)).execute();
    rules.exits().forEach((reason, exit) -> {
      var insert = dsl.insertInto(QUEUE_EXITS).set(QUEUE_EXITS.QUEUE_ID, id)
          .set(QUEUE_EXITS.REASON, reason.apiName());
      if (exit instanceof QueueExit.Overflow overflow) {
        insert.set(QUEUE_EXITS.ACTION, "overflow").set(QUEUE_EXITS.TARGET_QUEUE_ID, overflow.queue().value()).execute();
      } else if (exit instanceof QueueExit.Extension extension) {
        insert.set(QUEUE_EXITS.ACTION, "extension").set(QUEUE_EXITS.CONTEXT, extension.context())
            .set(QUEUE_EXITS.EXTENSION, extension.extension()).execute();
      } else if (exit instanceof QueueExit.CallBack) {
        insert.set(QUEUE_EXITS.ACTION, "callback").execute();
      } else {
        insert.set(QUEUE_EXITS.ACTION, "hangup").execute();
      }
    });
  }

  private static void writeSteps(DSLContext dsl, String id, List<WorkflowStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      WorkflowStep step = steps.get(i);
      dsl.insertInto(QUEUE_WORKFLOW_STEPS).set(QUEUE_WORKFLOW_STEPS.QUEUE_ID, id).set(QUEUE_WORKFLOW_STEPS.POSITION, i)
          .set(QUEUE_WORKFLOW_STEPS.TIMEOUT_SECONDS, (int) step.timeout().toSeconds())
          .set(QUEUE_WORKFLOW_STEPS.PRIORITY, step.priority())
          .set(QUEUE_WORKFLOW_STEPS.SKIP_WHEN_NONE_AVAILABLE, step.skipWhenNoneAvailable()).execute();
      for (SkillRequirement skill : step.target().minimumSkills()) {
        dsl.insertInto(QUEUE_STEP_SKILLS).set(QUEUE_STEP_SKILLS.QUEUE_ID, id).set(QUEUE_STEP_SKILLS.POSITION, i)
            .set(QUEUE_STEP_SKILLS.SKILL_ID, skill.skill())
            .set(QUEUE_STEP_SKILLS.MINIMUM_LEVEL, (byte) skill.minimumLevel()).execute();
      }
      for (AgentId agent : step.target().agents()) {
        dsl.insertInto(QUEUE_STEP_AGENTS).set(QUEUE_STEP_AGENTS.QUEUE_ID, id).set(QUEUE_STEP_AGENTS.POSITION, i)
            .set(QUEUE_STEP_AGENTS.AGENT_ID, agent.value()).execute();
      }
    }
  }

  /** The members become exactly {@code members}; one who stays keeps their penalty, a new one gets 0. */
  private static void writeMembers(DSLContext dsl, String id, List<AgentId> members) {
    List<String> ids = members.stream().map(AgentId::value).toList();
    dsl.deleteFrom(QUEUE_MEMBERS).where(QUEUE_MEMBERS.QUEUE_ID.eq(id).and(QUEUE_MEMBERS.AGENT_ID.notIn(ids))).execute();
    for (String agent : ids) {
      dsl.insertInto(QUEUE_MEMBERS).set(QUEUE_MEMBERS.QUEUE_ID, id).set(QUEUE_MEMBERS.AGENT_ID, agent)
          .set(QUEUE_MEMBERS.PENALTY, 0).onDuplicateKeyIgnore().execute();
    }
  }
}
