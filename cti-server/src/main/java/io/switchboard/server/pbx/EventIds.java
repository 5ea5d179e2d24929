package io.switchboard.server.pbx;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A log-safe description of an event: its type and its typed ids, nothing else. Phone numbers, DIDs,
 * device names and digits are never included, whatever new events the core adds, because only
 * components whose type is an id are read.
 */
final class EventIds {

  private static final Set<Class<?>> IDS = Set.of(CallId.class, LegId.class, AgentId.class, QueueId.class);

  private EventIds() {}

  /** For example {@code type=CallOffered call=pbx1/1795.1 leg=pbx1/1795.1}. */
  static String describe(PbxEvent event) {
    StringJoiner line = new StringJoiner(" ");
    line.add("type=" + event.getClass().getSimpleName());
    RecordComponent[] components = event.getClass().getRecordComponents();
    if (components == null) {
      return line.toString();
    }
    for (RecordComponent component : components) {
      if (IDS.contains(component.getType())) {
        try {
          line.add(component.getName() + "=" + component.getAccessor().invoke(event));
        } catch (ReflectiveOperationException | RuntimeException e) {
          line.add(component.getName() + "=?");
        }
      }
    }
    return line.toString();
  }
}
