package io.switchboard.ami.control;

import org.asteriskjava.manager.SendActionCallback;
import org.asteriskjava.manager.action.ManagerAction;

import java.io.IOException;

/**
 * Asterisk-Java's asynchronous send: returns at once, the callback gets the response on the reader
 * thread. {@code AmiConnection::send} in production.
 */
@FunctionalInterface
public interface ActionSender {

    /**
     * Writes the action.
     *
     * @throws IllegalStateException if not logged in
     * @throws IOException if the socket write failed
     */
    void send(ManagerAction action, SendActionCallback callback) throws IOException;
}
