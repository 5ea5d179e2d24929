/**
 * Routing in TaskRouter's vocabulary: a {@link io.switchboard.core.routing.Task}
 * waits in a {@link io.switchboard.core.routing.TaskQueue}, is offered to an
 * agent through a {@link io.switchboard.core.routing.Reservation}, and moves
 * through a {@link io.switchboard.core.routing.Workflow}'s steps while it waits.
 */
package io.switchboard.core.routing;
