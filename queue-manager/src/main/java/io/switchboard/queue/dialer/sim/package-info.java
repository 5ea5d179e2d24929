/**
 * A discrete-event simulator of a campaign's shift that runs the dialer's own pacer and figures in simulated time,
 * deterministic by seed: the {@code simulate} command and the dialer's benchmarks (docs/dialer.md, "Dialer
 * simulator").
 */
package io.switchboard.queue.dialer.sim;
