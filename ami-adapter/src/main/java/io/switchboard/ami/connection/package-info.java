/**
 * The life of one AMI connection: login with backoff, reconnect after a lost socket or a shutdown,
 * resync after every login, and the hand-off of translated events to {@link io.switchboard.core.port.PbxEventStream}
 * subscribers.
 */
package io.switchboard.ami.connection;
