package io.switchboard.queue.dialer.pacing;

/**
 * The pacers of the modes that need no figures. {@code PREDICTIVE} has its own class, which learns from
 * {@link DialOutcomes}.
 */
public final class Pacers {

    private Pacers() {
    }

    /**
     * One call per free agent (progressive, and preview once the agent accepts): calls already in flight count
     * against the free agents, so a free agent never has two calls coming. Never abandons while every answer
     * is held for its agent.
     */
    public static Pacer progressive() {
        return input -> Math.max(0, input.agentsReady() - input.callsInFlight());
    }

    /**
     * A fixed number of calls per free agent, set by the admin ({@code POWER}): {@code ratio} times the free
     * agents, rounded down, less the calls in flight.
     *
     * @param ratio calls per free agent, 1.0 to 10.0
     */
    public static Pacer power(double ratio) {
        if (!(ratio >= 1.0 && ratio <= 10.0)) {
            throw new IllegalArgumentException("ratio must be between 1.0 and 10.0, was " + ratio);
        }
        return input -> Math.max(0, (int) Math.floor(ratio * input.agentsReady()) - input.callsInFlight());
    }
}
