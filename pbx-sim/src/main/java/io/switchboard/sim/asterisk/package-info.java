/**
 * An in-process Asterisk 20 as the AMI wire shows it: banner, login, the actions Switchboard's
 * adapter uses, and the channel events of Local pairs, Dial, bridges and music on hold, shaped
 * like the recorded transcripts in {@code ../shared/fixtures/asterisk-20}.
 */
package io.switchboard.sim.asterisk;
