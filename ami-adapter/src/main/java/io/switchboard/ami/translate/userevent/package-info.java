/**
 * Asterisk-Java classes for the UserEvents of the shipped dialplan glue ({@code extensions_switchboard.conf}).
 * Asterisk-Java 3.42 drops a UserEvent whose name has no registered class, so the connection must register
 * {@link io.switchboard.ami.translate.userevent.SwitchboardUserEvent#CLASSES} with
 * {@code ManagerConnection.registerUserEventClass} before it logs in.
 */
package io.switchboard.ami.translate.userevent;
