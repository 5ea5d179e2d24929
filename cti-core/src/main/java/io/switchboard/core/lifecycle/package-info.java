/**
 * What every lifecycle shares: a move is a {@link io.switchboard.core.lifecycle.Transition}
 * that either carries the new immutable state or says, as a value, that the
 * move was illegal. The lifecycles themselves are enums in the packages they
 * belong to ({@code AgentState}, {@code TaskStatus}, {@code ReservationStatus},
 * {@code LegState}).
 */
package io.switchboard.core.lifecycle;
