package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.Require;
import io.switchboard.queue.dialer.DialDecision;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What {@link ComplianceRules} decided for one lead, with the facts the audit row records beside the decision.
 *
 * @param decision        dial, defer or skip, with its reason slug
 * @param dncSource       the DNC source that blocked the number ({@code internal}, {@code campaign},
 *                        {@code imported:<name>}); empty when it is on no list
 * @param calleeLocalTime the callee's wall-clock time at the decision; empty without a zone
 * @param budget          the campaign's abandon rates and budget at the decision
 */
public record Ruling(DialDecision decision, Optional<String> dncSource, Optional<LocalDateTime> calleeLocalTime,
                     AbandonBudget budget) {

    public Ruling {
        Require.nonNull(decision, "decision");
        Require.nonNull(dncSource, "dncSource");
        Require.nonNull(calleeLocalTime, "calleeLocalTime");
        Require.nonNull(budget, "budget");
    }
}
