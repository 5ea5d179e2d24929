package io.switchboard.crm.http;

import io.switchboard.core.Require;
import io.switchboard.core.crm.CrmLogResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates a CRM record at most once per idempotency key where the CRM offers no idempotent create: look for
 * a record carrying the key, create one only when there is none, and when the create's answer was lost (a
 * timeout, a reset, a 5xx: the CRM may have made it) look again before creating again. What is still
 * uncertain after the last round goes back to the durable outbox as a retryable {@link CrmLogResult.NotLogged},
 * whose next attempt starts by looking.
 */
public final class FindOrCreate {

    private final Delays delays;
    private final Duration pause;
    private final int rounds;

    /**
     * @param pause  the wait before looking again after a lost answer (a search index may lag a create)
     * @param rounds look-then-create rounds at most; at least 1
     */
    public FindOrCreate(Delays delays, Duration pause, int rounds) {
        this.delays = Require.nonNull(delays, "delays");
        this.pause = Require.nonNegative(pause, "pause");
        this.rounds = Require.atLeast(rounds, 1, "rounds");
    }

    /**
     * @param find    answers the record holding the key ({@link CrmLogResult.Logged}), none (empty), or that the
     *                search failed ({@link CrmLogResult.NotLogged})
     * @param create  sends the create, not repeatable
     * @param idOf    reads the new record's id from the create's 2xx body
     */
    public CompletionStage<CrmLogResult> run(Supplier<CompletionStage<Optional<CrmLogResult>>> find,
                                             Supplier<CompletionStage<HttpResult>> create,
                                             Function<String, Optional<String>> idOf) {
        return round(1, find, create, idOf);
    }

    private CompletionStage<CrmLogResult> round(int round, Supplier<CompletionStage<Optional<CrmLogResult>>> find,
                                                Supplier<CompletionStage<HttpResult>> create,
                                                Function<String, Optional<String>> idOf) {
        return find.get().thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(found.get());
            }
            return create.get().thenCompose(result -> {
                if (result instanceof HttpResult.Failed failed && failed.maybeSent() && round < rounds) {
                    return delays.after(pause).thenCompose(ignored -> round(round + 1, find, create, idOf));
                }
                return CompletableFuture.completedFuture(created(result, idOf));
            });
        });
    }

    private static CrmLogResult created(HttpResult result, Function<String, Optional<String>> idOf) {
        if (result instanceof HttpResult.Answered answered && answered.ok()) {
            return idOf.apply(answered.body())
                    .<CrmLogResult>map(CrmLogResult.Logged::new)
                    .orElseGet(() -> new CrmLogResult.NotLogged("crm-bad-answer",
                            "the CRM created the record but its answer has no id", true));
        }
        return notLogged(result);
    }

    /**
     * A failed or refused request as a call-log result: transport failures, 401, 429 and 5xx are retryable, and
     * so are 403 (Salesforce's REQUEST_LIMIT_EXCEEDED, a permission an admin may restore), 404 and 409; another
     * 4xx means the CRM will refuse this log again, so it is not.
     */
    public static CrmLogResult.NotLogged notLogged(HttpResult result) {
        if (result instanceof HttpResult.Failed failed) {
            return new CrmLogResult.NotLogged(failed.errorId(), failed.message(), true);
        }
        HttpResult.Answered answered = (HttpResult.Answered) result;
        return new CrmLogResult.NotLogged("crm-rejected", "the CRM refused the call log with " + answered.status(),
                answered.status() == 403 || answered.status() == 404 || answered.status() == 409);
    }
}
