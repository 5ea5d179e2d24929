/**
 * A seeded traffic model that drives the simulated Asterisk on its virtual clock: Poisson inbound
 * arrivals per DID, callers who abandon on hold, agent phones that answer or not, talk times and
 * outbound customer outcomes. The same seed gives the same run.
 */
package io.switchboard.sim.traffic;
