/** Asterisk over AMI: connection settings and what the PBX says about itself. */
package io.switchboard.ami;
