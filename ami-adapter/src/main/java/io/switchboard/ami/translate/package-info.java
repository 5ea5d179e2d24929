/**
 * The one place where AMI events become core {@link io.switchboard.core.event.PbxEvent}s: Local channel halves,
 * Uniqueid/Linkedid and event names that differ across Asterisk versions are handled here and nowhere else.
 */
package io.switchboard.ami.translate;
