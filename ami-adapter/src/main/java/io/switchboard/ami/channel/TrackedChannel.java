package io.switchboard.ami.channel;

/**
 * A live channel and the leg it is part of (both halves of a Local pair share one leg).
 *
 * @param snapshot the channel as last seen
 * @param leg      the Uniqueid the leg is named after
 */
record TrackedChannel(ChannelSnapshot snapshot, String leg) {
}
