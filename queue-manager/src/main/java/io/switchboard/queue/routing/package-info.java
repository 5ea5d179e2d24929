/**
 * Inbound routing: {@link io.switchboard.queue.routing.AgentPicker} decides (a pure function of a snapshot),
 * {@link io.switchboard.queue.routing.InboundRouter} turns PBX events into tasks, reservations and
 * call-control commands. The router's own ports are
 * {@link io.switchboard.queue.routing.TaskQueues} (queue rules),
 * {@link io.switchboard.queue.routing.CallControls} (the call control of each PBX),
 * {@link io.switchboard.queue.routing.RoutingJournal} (call records and queue_log) and
 * {@link io.switchboard.queue.routing.RoutingTimers} (wrap-up).
 */
package io.switchboard.queue.routing;
