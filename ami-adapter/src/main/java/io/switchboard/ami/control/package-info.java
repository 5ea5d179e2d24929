/**
 * Call-control commands over AMI: {@link io.switchboard.ami.control.AmiCallControl}, asynchronous and never
 * throwing; Asterisk's refusals are values, an unreachable Asterisk fails the stage with
 * {@link io.switchboard.core.port.PbxUnavailableException}.
 */
package io.switchboard.ami.control;
