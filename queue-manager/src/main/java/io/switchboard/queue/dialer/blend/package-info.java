/**
 * Blending: how many of the agents who take both inbound and outbound calls must stay on inbound now, so the
 * inbound service level is protected first ({@link io.switchboard.queue.dialer.blend.InboundGuard}, a pure
 * function of each inbound queue's live load) and agents are lent to campaigns only once inbound has been quiet
 * for a while ({@link io.switchboard.queue.dialer.blend.Blender}).
 */
package io.switchboard.queue.dialer.blend;
