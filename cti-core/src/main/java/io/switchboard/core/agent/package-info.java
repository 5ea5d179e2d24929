/**
 * Agents: who they are ({@link io.switchboard.core.agent.Agent}: skills,
 * queue memberships, per-channel capacity, device) and where they are in the
 * routing lifecycle ({@link io.switchboard.core.agent.AgentState},
 * {@link io.switchboard.core.agent.AgentStatus}).
 */
package io.switchboard.core.agent;
