/**
 * The outbound side: a {@link io.switchboard.core.dialer.Campaign} dials its
 * {@link io.switchboard.core.dialer.Lead}s in a
 * {@link io.switchboard.core.dialer.DialMode}, inside a
 * {@link io.switchboard.core.dialer.CallingWindow}, under an abandon-rate target.
 */
package io.switchboard.core.dialer;
