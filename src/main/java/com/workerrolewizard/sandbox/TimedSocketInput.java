package com.workerrolewizard.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input where every read waits at most {@code idle} and the whole request at most until a deadline:
 * a client that sends nothing, or trickles a byte now and then, is cut off instead of holding its thread.
 */
final class TimedSocketInput extends InputStream {
    private final Socket socket;
    private final InputStream raw;
    private final long idleMillis;
    private long deadline = Long.MAX_VALUE;

    TimedSocketInput(Socket socket, Duration idle) throws IOException {
        this.socket = socket;
        this.raw = socket.getInputStream();
        this.idleMillis = idle.toMillis();
    }

    /** From now on reads end with a {@link SocketTimeoutException} once {@code limit} has passed. */
    void deadlineIn(Duration limit) {
        deadline = System.nanoTime() + limit.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("the request took too long");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(idleMillis, left)));
        return raw.read(buffer, offset, length);
    }
}
