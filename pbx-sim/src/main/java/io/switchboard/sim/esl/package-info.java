/**
 * The ESL wire format as FreeSWITCH 1.10 speaks it, from the server's side: client commands in,
 * Content-Length framed replies and events out, plus a client-side frame decoder for tests.
 */
package io.switchboard.sim.esl;
