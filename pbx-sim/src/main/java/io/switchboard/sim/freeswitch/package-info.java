/**
 * A simulated FreeSWITCH 1.10 on the event socket (inbound ESL), held to the captures in
 * {@code ../shared/fixtures/freeswitch-1.10}: {@link io.switchboard.sim.freeswitch.FreeswitchSimulator}
 * is the entry point, {@link io.switchboard.sim.freeswitch.FsDialplan#switchboard()} the mirror of
 * Switchboard's own FreeSWITCH glue ({@code dialplan/freeswitch/}) it runs by default. One engine thread (the shared
 * {@link io.switchboard.sim.asterisk.VirtualScheduler}) runs every command and timer; sockets are
 * read and written by each session's own threads, so the engine never blocks on a client.
 */
package io.switchboard.sim.freeswitch;
