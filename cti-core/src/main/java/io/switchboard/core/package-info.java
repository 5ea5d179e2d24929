/**
 * Switchboard's domain core: the routing vocabulary, its lifecycles, the event
 * families and the ports the adapters implement. No framework lives here: an
 * ArchUnit test keeps Vert.x, Hazelcast, jOOQ and the PBX client libraries out.
 *
 * <p>Records reject invalid values at construction with a message naming the
 * field ({@link io.switchboard.core.Require}). Business outcomes, such as an
 * illegal lifecycle transition, are values; exceptions are for bugs.
 */
package io.switchboard.core;
