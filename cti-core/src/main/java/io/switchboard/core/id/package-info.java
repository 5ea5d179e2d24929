/**
 * Typed ids. Each wraps a non-blank string and rejects a blank one with a
 * message naming the field ({@code agentId must not be blank}), so ids of
 * different kinds cannot be mixed up in a method call.
 */
package io.switchboard.core.id;
