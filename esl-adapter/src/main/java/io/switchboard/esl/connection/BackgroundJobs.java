package io.switchboard.esl.connection;

import io.switchboard.core.id.CallId;
import io.vertx.core.Promise;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The {@code bgapi} jobs one connection sent and waits for, by the {@code Job-UUID} Switchboard chose
 * (Quirk 9). Each ends exactly once: by its BACKGROUND_JOB, by a refusal in the {@code bgapi} reply, by its
 * timeout, or when its connection is lost. Registered and ended on the connection's context; the
 * translator reads {@link #callOf} from the event executor.
 */
final class BackgroundJobs {

    private record Job(Object session, Optional<CallId> call, Promise<JobOutcome> outcome, long timer) {
    }

    private final Map<String, Job> waiting = new ConcurrentHashMap<>();
    private final LongConsumer cancelTimer;

    /** @param cancelTimer cancels a job's timeout timer once the job has ended */
    BackgroundJobs(LongConsumer cancelTimer) {
        this.cancelTimer = cancelTimer;
    }

    /** Waits for job {@code jobUuid}, sent on {@code session} for {@code call}. */
    void register(String jobUuid, Object session, Optional<CallId> call, Promise<JobOutcome> outcome, long timer) {
        waiting.put(jobUuid, new Job(session, call, outcome, timer));
    }

    /** The call a job was sent for, while it is waited for. */
    Optional<CallId> callOf(String jobUuid) {
        Job job = waiting.get(jobUuid);
        return job == null ? Optional.empty() : job.call();
    }

    /** Ends the job with {@code outcome}; false if it had already ended (or was never sent here). */
    boolean complete(String jobUuid, JobOutcome outcome) {
        Job job = waiting.remove(jobUuid);
        if (job == null) {
            return false;
        }
        cancelTimer.accept(job.timer());
        job.outcome().tryComplete(outcome);
        return true;
    }

    /** Ends every job sent on {@code session}: its BACKGROUND_JOB can no longer arrive. */
    void connectionLost(Object session, String reason) {
        List<String> lost = waiting.entrySet().stream().filter(e -> e.getValue().session() == session)
                .map(Map.Entry::getKey).toList();
        lost.forEach(job -> complete(job, new JobOutcome.ConnectionLost(reason)));
    }

    /** How many jobs are waited for. */
    int size() {
        return waiting.size();
    }
}
