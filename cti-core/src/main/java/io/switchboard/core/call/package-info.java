/**
 * Calls as Switchboard sees them: a {@link io.switchboard.core.call.Call}
 * made of {@link io.switchboard.core.call.CallLeg}s, with E.164
 * {@link io.switchboard.core.call.PhoneNumber}s that never show in full in a log.
 * PBX words (channel, uniqueid, Job-UUID) stay in the adapters.
 */
package io.switchboard.core.call;
