/**
 * The PBXs this node attaches to, kept in {@link io.switchboard.server.pbx.PbxConnections}: per {@code pbx[]}
 * entry of type {@code asterisk} an AMI connection, channel registry, event translator and call control; per
 * entry of type {@code freeswitch} an ESL connection with its own ordered event executor. Events leave the
 * adapter's thread at once, handed to a Vert.x context.
 */
package io.switchboard.server.pbx;
