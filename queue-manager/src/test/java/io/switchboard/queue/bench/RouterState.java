package io.switchboard.queue.bench;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.selection.Selector;
import io.switchboard.queue.selection.WaitingTask;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The router's in-memory state without a server: its {@code AgentBook} (which keeps the {@code AgentPool} and
 * the {@code WaitingTasks}) and its {@code AgentStats}. Both are package-private in
 * {@code io.switchboard.queue.routing}, so they are reached by reflection (the bench runs on the class path,
 * where {@code setAccessible} is allowed); the calls are the ones {@code InboundRouter} makes.
 */
final class RouterState {

    private static final String ROUTING = "io.switchboard.queue.routing.";

    private final Object stats;
    private final Object book;
    private final Method took;
    private final Method finished;
    private final Method queue;
    private final Method agent;
    private final Method waiting;
    private final Method isOfferable;

    RouterState(InstantSource clock, ZoneId zone) throws ReflectiveOperationException {
        Class<?> statsType = Class.forName(ROUTING + "AgentStats");
        Class<?> bookType = Class.forName(ROUTING + "AgentBook");
        stats = open(statsType.getDeclaredConstructor(ZoneId.class)).newInstance(zone);
        book = open(bookType.getDeclaredConstructor(Selector.class, statsType, InstantSource.class))
                .newInstance(new Selector(clock, new SplittableRandom(7)), stats, clock);
        took = open(statsType.getDeclaredMethod("took", AgentId.class, QueueId.class, Instant.class));
        finished = open(statsType.getDeclaredMethod("finished", AgentId.class, QueueId.class, Duration.class,
                Instant.class));
        queue = open(bookType.getDeclaredMethod("queue", QueueSetup.class));
        agent = open(bookType.getDeclaredMethod("agent", Agent.class, AgentStatus.class, boolean.class));
        waiting = open(bookType.getDeclaredMethod("waiting", WaitingTask.class));
        isOfferable = open(bookType.getDeclaredMethod("isOfferable", AgentId.class));
    }

    /** {@code AgentStats.took}: the agent took a task of the queue. */
    void took(AgentId who, QueueId of, Instant at) {
        call(took, stats, who, of, at);
    }

    /** {@code AgentStats.finished}: the agent finished a task of the queue after talking. */
    void finished(AgentId who, QueueId of, Duration talked, Instant at) {
        call(finished, stats, who, of, talked, at);
    }

    /** {@code AgentBook.queue}: the queue's setup (re-indexes every agent and task known so far). */
    void queue(QueueSetup setup) {
        call(queue, book, setup);
    }

    /** {@code AgentBook.agent}: the agent's directory entry and stored status. */
    void agent(Agent entry, AgentStatus status, boolean lineOpen) {
        call(agent, book, entry, status, lineOpen);
    }

    /** {@code AgentBook.waiting}: a task waits. */
    void waiting(WaitingTask task) {
        call(waiting, book, task);
    }

    /** {@code AgentBook.isOfferable}: whether selection could offer the agent a task now. */
    boolean isOfferable(AgentId who) {
        return (Boolean) call(isOfferable, book, who);
    }

    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(method.getName() + " is not accessible", e);
        }
    }
}
