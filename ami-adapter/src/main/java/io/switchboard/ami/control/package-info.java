/** Call-control commands over AMI: {@link io.switchboard.ami.control.AmiCallControl}, asynchronous and never throwing. */
package io.switchboard.ami.control;
