package org.scalelab.engine.parallel.comm;

import java.nio.ByteBuffer;

/**
 * Messages between two ranks, for what is not a collective: asynchronous SGD's workers each push a gradient to the
 * parameter server whenever they have one, and the server answers whichever pushed, in the order they arrive. A
 * message is a buffer's bytes from its position to its limit, and position and limit are left as they were; the
 * receiving buffer must have room for the whole message. Messages from one rank to another with the same tag
 * arrive in the order they were sent. Like a {@link Communicator}, it belongs to its rank's thread.
 */
public interface PointToPoint {

    /** Sends the bytes to rank {@code destination}; returns once the buffer may be reused. */
    void send(ByteBuffer data, int destination, int tag);

    /** Waits for a message with {@code tag} from rank {@code source} and puts it into {@code data}. */
    void receive(ByteBuffer data, int source, int tag);

    /**
     * Waits for the first message with {@code tag} from any rank and puts it into {@code data}.
     *
     * @return the rank that sent it
     */
    int receiveFromAny(ByteBuffer data, int tag);

    /**
     * The point-to-point side of {@code communicator}: MPJ ranks have one.
     *
     * @param user what needs it, for the message when it has none
     */
    static PointToPoint of(Communicator communicator, String user) {
        if (communicator instanceof PointToPoint messages) {
            return messages;
        }
        throw new IllegalStateException(user + " needs point-to-point messages between MPJ ranks, not "
                + communicator.getClass().getSimpleName());
    }
}
