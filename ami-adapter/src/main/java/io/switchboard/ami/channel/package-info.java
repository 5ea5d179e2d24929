/**
 * The live Asterisk channels of one PBX as the AMI event stream shows them, and which channel
 * stands for which Switchboard call. Written only by the event translator; read by call control.
 */
package io.switchboard.ami.channel;
