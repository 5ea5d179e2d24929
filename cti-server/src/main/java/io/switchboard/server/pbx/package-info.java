/**
 * The PBXs this node attaches to: one AMI connection, channel registry, event translator and call control
 * per {@code pbx[]} entry of type {@code asterisk}, kept in {@link io.switchboard.server.pbx.PbxConnections}.
 * Events leave Asterisk-Java's reader thread at once, handed to a Vert.x context.
 */
package io.switchboard.server.pbx;
