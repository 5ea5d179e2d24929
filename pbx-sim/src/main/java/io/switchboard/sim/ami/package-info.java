/**
 * The AMI wire format as Asterisk 20 speaks it, from the server's side: the banner, CRLF header
 * lines, blank-line framing, and a streaming decoder for partial reads.
 */
package io.switchboard.sim.ami;
