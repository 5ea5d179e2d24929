/**
 * The outbound half of the brain (issue 6): campaigns dial their leads through a pacer ({@code pacing}), each
 * dial passes the compliance gate ({@link io.switchboard.queue.dialer.DialGate}), leads come from and go back to
 * the {@link io.switchboard.queue.dialer.LeadQueue}. docs/dialer.md has the design.
 */
package io.switchboard.queue.dialer;
