/**
 * How many calls a campaign places now: a {@link io.switchboard.queue.dialer.pacing.Pacer} per dial mode, fed by
 * live figures ({@link io.switchboard.queue.dialer.pacing.DialOutcomes}). Pure functions of a snapshot and the
 * figures, so the dialer simulator runs the very same code an 8-hour shift at a time.
 */
package io.switchboard.queue.dialer.pacing;
