package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.PreferredAgent;
import io.switchboard.queue.selection.PreferredAgentRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Gives a new call its {@link PreferredAgent} when its queue's {@link PreferredAgentRule} asks for the owner of the
 * caller's CRM account ({@link AccountOwners}) or the caller's last agent ({@link LastAgents}), and remembers who
 * spoke to each caller. Both are asked at once, asynchronously; the call's first decision waits for the answers at
 * most {@link #LOOKUP_BOUND} for the last agent alone, or the queue's {@code ownerWait} when the CRMs are asked. An
 * answer that comes later, or a failed one, is dropped and the call is routed on what did arrive (the owner first,
 * then the last agent, else the strategy), so a slow store or CRM never delays a call by more than the bound and
 * never makes one agent's offer be taken back.
 *
 * <p>Touched only on the router's context, as {@link InboundRouter}.
 */
final class PreferredAgents {

    /** The longest a call's first decision waits for the caller's last agent alone. */
    static final Duration LOOKUP_BOUND = Duration.ofMillis(150);

    /** Nobody owns anything: the CRMs are not attached. */
    static final AccountOwners NO_OWNERS = caller -> CompletableFuture.completedFuture(Optional.empty());

    private static final Logger LOG = LoggerFactory.getLogger(PreferredAgents.class);

    private final LastAgents lastAgents;
    private final RoutingTimers timers;
    private final Executor context;
    private AccountOwners owners = NO_OWNERS;

    PreferredAgents(LastAgents lastAgents, RoutingTimers timers, Executor context) {
        this.lastAgents = lastAgents;
        this.timers = timers;
        this.context = context;
    }

    /** From now on queues whose rule asks for the account owner ask {@code crmOwners}. */
    void useAccountOwners(AccountOwners crmOwners) {
        this.owners = crmOwners;
    }

    /**
     * Sets the call's preference if {@code rule} asks for one and one is known, then runs {@code then} once: when
     * every answer asked for is in (or the owner is known), or after the bound, whichever is first.
     */
    void lookUp(RoutedCall call, PreferredAgentRule rule, Runnable then) {
        Optional<PhoneNumber> caller = call.task.customer();
        if (!rule.asksAnyone() || caller.isEmpty()) {
            then.run();
            return;
        }
        Lookup lookup = new Lookup(call, rule, then);
        Duration bound = rule.accountOwner() && rule.ownerWait().compareTo(LOOKUP_BOUND) > 0 ? rule.ownerWait()
                : LOOKUP_BOUND;
        timers.schedule(bound, () -> lookup.timedOut(bound));
        if (rule.accountOwner()) {
            Stages.on(owners.ownerOf(caller.get()), context, lookup::owner, failure -> lookup.owner(Optional.empty()));
        }
        if (rule.lastAgent()) {
            Stages.on(lastAgents.lastAgentOf(caller.get()), context, lookup::last,
                    failure -> lookup.last(Optional.empty()));
        }
    }

    /** The call's caller is now speaking to {@code agent}: remembered for their next call, whatever the queue. */
    void spoke(RoutedCall call, AgentId agent) {
        call.task.customer().ifPresent(caller -> lastAgents.spokeWith(caller, agent).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("event=last-agent-not-stored taskId={} agentId={} reason={}", call.task.id(), agent,
                        failure.toString());
            }
        }));
    }

    /** One call's pending answers. */
    private static final class Lookup {

        private final RoutedCall call;
        private final PreferredAgentRule rule;
        private final Runnable then;
        private boolean ownerIn;
        private boolean lastIn;
        private Optional<AgentId> owner = Optional.empty();
        private Optional<AgentId> last = Optional.empty();
        private boolean decided;

        Lookup(RoutedCall call, PreferredAgentRule rule, Runnable then) {
            this.call = call;
            this.rule = rule;
            this.then = then;
            this.ownerIn = !rule.accountOwner();
            this.lastIn = !rule.lastAgent();
        }

        void owner(Optional<AgentId> found) {
            ownerIn = true;
            owner = found;
            if (found.isPresent() || lastIn) {
                decide();
            }
        }

        void last(Optional<AgentId> found) {
            lastIn = true;
            last = found;
            if (ownerIn) {
                decide();
            }
        }

        void timedOut(Duration bound) {
            if (decided) {
                return;
            }
            LOG.warn("event={} taskId={} callerNumber={} boundMs={}", ownerIn ? "last-agent-slow" : "account-owner-slow",
                    call.task.id(), call.task.customer().map(PhoneNumber::masked).orElse(""), bound.toMillis());
            decide();
        }

        private void decide() {
            if (decided) {
                return;
            }
            decided = true;
            Optional<AgentId> preferred = owner.or(() -> last);
            preferred.ifPresent(agent -> {
                call.preferred = Optional.of(new PreferredAgent(agent, call.task.created().plus(rule.timeout())));
                LOG.info("event=task-prefers taskId={} agentId={} as={} until={}", call.task.id(), agent,
                        owner.isPresent() ? "account-owner" : "last-agent", call.preferred.get().until());
            });
            then.run();
        }
    }
}
