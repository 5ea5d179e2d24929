package io.switchboard.sim.traffic;

import java.time.Duration;

/**
 * What a finished traffic run did.
 *
 * @param arrivals inbound calls that arrived
 * @param abandoned callers who hung up before they were connected
 * @param connected calls (inbound and outbound) that reached a bridge or conference
 * @param agentDials times an agent phone was dialled
 * @param customerDials times a customer number was dialled
 * @param elapsed virtual time from start to the end of the last call
 */
public record TrafficReport(int arrivals, int abandoned, int connected, int agentDials, int customerDials,
        Duration elapsed) {
}
