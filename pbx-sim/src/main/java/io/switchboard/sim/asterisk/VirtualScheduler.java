package io.switchboard.sim.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine thread and its virtual clock. Tasks run one at a time in order of (virtual due time,
 * scheduling order); a task's virtual time is its due time, so everything the engine schedules
 * itself happens at the same virtual instants on every run. Real time is paced at
 * {@code timeScale} (0.01 = 100× faster); a task that is late runs at once at its virtual time.
 * Shared by the Asterisk and FreeSWITCH engines. Work from other threads (AMI/ESL commands) runs at the virtual time that real time has reached.
 */
public final class VirtualScheduler {

    /** A scheduled task that can be cancelled. */
    public interface Timer {
        /** The task will not run. */
        void cancel();
    }

    private static final class Task implements Timer {
        final long due;
        final long order;
        final Runnable work;
        volatile boolean cancelled;

        Task(long due, long order, Runnable work) {
            this.due = due;
            this.order = order;
            this.work = work;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final Object lock = new Object();
    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private final double timeScale;
    private final long realStart = System.nanoTime();
    private final Instant origin;
    private final Thread thread;
    private long order;
    private volatile long virtualNanos;
    private volatile boolean stopped;

    /** Starts the engine thread; virtual time starts at {@code origin}, paced at {@code timeScale}. */
    public VirtualScheduler(double timeScale, Instant origin) {
        this.timeScale = timeScale;
        this.origin = origin;
        this.thread = new Thread(this::loop, "pbx-sim-engine");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Virtual time elapsed since the engine started. */
    public Duration elapsed() {
        return Duration.ofNanos(virtualNanos);
    }

    /** A clock that reads virtual time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return origin.plusNanos(virtualNanos);
            }
        };
    }

    /** Runs {@code work} {@code delay} of virtual time after the current task (engine thread). */
    public Timer after(Duration delay, Runnable work) {
        return add(virtualNanos + Math.max(0, delay.toNanos()), work);
    }

    /** Runs {@code work} as soon as possible, at the virtual time real time has reached. */
    public Timer execute(Runnable work) {
        long reached = (long) ((System.nanoTime() - realStart) / timeScale);
        return add(Math.max(virtualNanos, reached), work);
    }

    private Timer add(long due, Runnable work) {
        synchronized (lock) {
            Task task = new Task(due, order++, work);
            queue.add(task);
            lock.notifyAll();
            return task;
        }
    }

    private void loop() {
        while (true) {
            Task task = next();
            if (task == null) {
                return;
            }
            virtualNanos = Math.max(virtualNanos, task.due);
            task.work.run();
        }
    }

    private Task next() {
        synchronized (lock) {
            while (!stopped) {
                Task head = queue.peek();
                if (head == null) {
                    waitOn(0);
                } else if (head.cancelled) {
                    queue.poll();
                } else {
                    long wait = realStart + (long) (head.due * timeScale) - System.nanoTime();
                    if (wait <= 0) {
                        return queue.poll();
                    }
                    waitOn(wait);
                }
            }
            return null;
        }
    }

    private void waitOn(long nanos) {
        try {
            if (nanos == 0) {
                lock.wait();
            } else {
                TimeUnit.NANOSECONDS.timedWait(lock, nanos);
            }
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    /** Stops the thread; queued tasks are dropped. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            queue.clear();
            lock.notifyAll();
        }
    }
}
