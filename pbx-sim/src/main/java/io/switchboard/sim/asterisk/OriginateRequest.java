package io.switchboard.sim.asterisk;

import java.time.Duration;

/**
 * The parts of an AMI {@code Originate} the simulator honours.
 *
 * @param actionId the client's ActionID, or null
 * @param dialString the {@code Channel} header, e.g. {@code Local/s@hold} or {@code SIP/5551234@host}
 * @param context dialplan context for the answered channel, or null when an application is given
 * @param exten extension for the answered channel
 * @param priority priority for the answered channel
 * @param application application to run instead of dialplan, or null
 * @param data the application's data
 * @param callerNum caller number from {@code CallerID}, or null
 * @param callerName caller name from {@code CallerID}, or null
 * @param timeout how long the destination may ring
 * @param channelId {@code ChannelId}, or null (Quirk 16)
 * @param otherChannelId {@code OtherChannelId}, or null
 * @param async {@code Async: true}: only then an OriginateResponse event follows
 * @param variables {@code Variable: name=value} headers (repeatable, or comma-separated), set on the new channel
 */
record OriginateRequest(String actionId, String dialString, String context, String exten, int priority,
        String application, String data, String callerNum, String callerName, Duration timeout,
        String channelId, String otherChannelId, boolean async, java.util.Map<String, String> variables) {
}
