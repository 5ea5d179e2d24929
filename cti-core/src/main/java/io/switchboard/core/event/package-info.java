/**
 * The two event streams: {@link io.switchboard.core.event.PbxEvent} (what a PBX
 * reports, translated by an adapter) flows in, and
 * {@link io.switchboard.core.event.RoutingEvent} (what routing decided) flows
 * out. Each is a sealed family of immutable records with past-tense names;
 * dispatch with {@code instanceof} patterns.
 */
package io.switchboard.core.event;
