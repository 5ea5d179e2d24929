package io.switchboard.e2e;

import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.InboundCall;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Callers dialling one DID at a steady rate on the wall clock, each with a number of their own, for as long as a
 * test lets them: the modest traffic a failover happens in the middle of. Remembers each caller's channel.
 */
final class CallerTraffic implements AutoCloseable {

    private final SimulatedPbx pbx;
    private final String did;
    private final String numberPrefix;
    private final Map<String, String> channels = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "caller-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private int arrivals;

    /** Callers into {@code did}, numbered {@code numberPrefix} + four digits (E.164, e.g. {@code +4930777}). */
    CallerTraffic(SimulatedPbx pbx, String did, String numberPrefix) {
        this.pbx = pbx;
        this.did = did;
        this.numberPrefix = numberPrefix;
    }

    /** A caller every {@code 1 / perSecond} seconds from now on. */
    void start(double perSecond) {
        timer.scheduleAtFixedRate(this::arrive, 0, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
    }

    private void arrive() {
        String number;
        synchronized (this) {
            number = numberPrefix + String.format(Locale.ROOT, "%04d", ++arrivals);
        }
        String channel = pbx.inboundCall(InboundCall.of(number, did));
        synchronized (this) {
            channels.put(number, channel);
        }
    }

    /** No more callers; returns once the last one has dialled. */
    void stop() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the last caller did not get through in 30 s");
        }
    }

    /** Each caller's number and channel, in order of arrival. */
    synchronized Map<String, String> callers() {
        return new LinkedHashMap<>(channels);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
