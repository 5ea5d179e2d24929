package io.switchboard.server.pbx;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.port.PbxEventStream;
import io.switchboard.core.port.Subscription;
import io.switchboard.server.config.PbxType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured PBX as the node sees it for its whole life, over the attachments that come and go as this node
 * gains and loses the PBX's ownership (docs/cluster.md): the {@link AttachedPbx} handed out is the same object
 * throughout, its events relayed from whichever attachment is current, its commands sent only while this node
 * {@linkplain #acting acts} on the PBX and refused otherwise with {@code pbx-not-owned}. An attachment, once
 * stopped, is never started again: the next ownership gets a fresh one.
 */
final class PbxSlot {

  static final String NOT_OWNED = "pbx-not-owned";
  private static final Logger LOG = LoggerFactory.getLogger(PbxSlot.class);

  private final PbxId id;
  private final Supplier<PbxAttachment> factory;
  private final CopyOnWriteArrayList<PbxEventListener> listeners = new CopyOnWriteArrayList<>();
  private final AttachedPbx attached;
  private volatile PbxAttachment current;
  private volatile boolean started;
  private volatile Predicate<String> acting = name -> true;

  PbxSlot(PbxId id, PbxType type, Supplier<PbxAttachment> factory) {
    this.id = id;
    this.factory = factory;
    this.current = relayed(factory.get());
    PbxEventStream events = this::subscribe;
    CallControl control = (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(),
        new Class<?>[] {CallControl.class}, new Fenced());
    this.attached = new AttachedPbx(id, type, control, events);
  }

  AttachedPbx attached() {
    return attached;
  }

  /** The attachment in use now (started or, before the first ownership and after a loss, not yet). */
  PbxAttachment current() {
    return current;
  }

  /** Commands pass only while {@code acting} says so for this PBX's name; by default always. */
  void fencedBy(Predicate<String> acting) {
    this.acting = Objects.requireNonNull(acting, "acting");
  }

  boolean acting() {
    return acting.test(id.value());
  }

  /** Connects: the current attachment if it never ran, else a fresh one. Returns at once. */
  synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    current.start();
  }

  /** Blocking: disconnects and swaps in a fresh, unstarted attachment whose events are relayed from now on. */
  void stop(Duration timeout) {
    PbxAttachment stopping;
    synchronized (this) {
      if (!started) {
        return;
      }
      started = false;
      stopping = current;
      current = relayed(factory.get());
    }
    stopping.stop(timeout);
  }

  /** Blocking, at shutdown: disconnects whatever is current. */
  void close(Duration timeout) {
    PbxAttachment last;
    synchronized (this) {
      started = false;
      last = current;
    }
    last.stop(timeout);
  }

  private Subscription subscribe(PbxEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Subscribes the relay to {@code attachment}'s events; only the current attachment's reach the listeners. */
  private PbxAttachment relayed(PbxAttachment attachment) {
    attachment.attached().events().subscribe(event -> deliver(attachment, event));
    return attachment;
  }

  private void deliver(PbxAttachment from, PbxEvent event) {
    if (from != current || !acting()) {
      return; // a stopped connection's last events, or a fenced node's: the PBX's owner handles them
    }
    for (PbxEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("event=pbx-listener-failed pbx={} type={}", id, event.getClass().getSimpleName(), e);
      }
    }
  }

  /** Every command goes to the current attachment while this node acts on the PBX, else fails at once. */
  private final class Fenced implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "CallControl[" + id + "]";
        };
      }
      if (CompletionStage.class.isAssignableFrom(method.getReturnType()) && !acting()) {
        return CompletableFuture.completedFuture(new CommandResult.Failed(NOT_OWNED,
            "this node does not own PBX " + id + " now; its owner sends the commands"));
      }
      try {
        return method.invoke(current.attached().callControl(), args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
