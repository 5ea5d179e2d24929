/**
 * Agent selection: the pure decisions the ACD makes when a task arrives ({@link
 * io.switchboard.queue.selection.Selector#agentFor}) and when an agent becomes free ({@link
 * io.switchboard.queue.selection.Selector#taskFor}). The router keeps an {@link
 * io.switchboard.queue.selection.AgentPool} and a {@link io.switchboard.queue.selection.WaitingTasks} up to
 * date as agents and tasks change, and acts on the {@link io.switchboard.queue.selection.Selection} it gets
 * back. Nothing here reads a clock, draws an unseeded random number or does I/O.
 */
package io.switchboard.queue.selection;
