package com.workerrolewizard.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The sandbox's HTTP/1.1 server on 127.0.0.1: one thread per connection, so a stalled client holds only its own
 * thread, and that only until its reads time out (nothing for 10 s, or a request not whole within 30 s). The JDK's
 * HttpServer was not used because its timeouts are JVM-wide system properties and it reads bodies without bounds.
 */
final class HttpListener implements AutoCloseable {
    static final Duration IDLE = Duration.ofSeconds(10);
    static final Duration WHOLE_REQUEST = Duration.ofSeconds(30);
    private static final int MAX_CONNECTIONS = 256;
    /** Clients drop an idle kept-alive connection before the sandbox's idle timeout closes it under them. */
    private static final int KEEP_ALIVE_SECONDS = 5;

    private static final Map<Integer, String> REASONS = Map.of(
            200,
            "OK",
            400,
            "Bad Request",
            403,
            "Forbidden",
            404,
            "Not Found",
            408,
            "Request Timeout",
            409,
            "Conflict",
            413,
            "Payload Too Large",
            431,
            "Request Header Fields Too Large",
            500,
            "Internal Server Error",
            503,
            "Service Unavailable");

    /** A rendered answer; null from {@link Handler#handle} closes the connection without one. */
    record Response(int status, String body, String requestId, String contentType) {
        Response(int status, String body, String requestId) {
            this(status, body, requestId, "text/xml");
        }
    }

    interface Handler {
        Response handle(IncomingRequest request);

        /** The service's error answer for a request refused before it could be read whole. */
        Response refuse(SandboxError error);
    }

    private final Handler handler;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    HttpListener(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::accept, "sandbox-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                continue;
            }
            if (!slots.tryAcquire()) {
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RuntimeException e) {
                release(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            TimedSocketInput timed = new TimedSocketInput(socket, IDLE);
            InputStream in = new BufferedInputStream(timed);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            RequestReader reader = new RequestReader(in, out);
            while (!closed) {
                timed.deadlineIn(WHOLE_REQUEST);
                IncomingRequest request;
                try {
                    request = reader.next();
                } catch (SandboxError refused) {
                    write(out, handler.refuse(refused), false);
                    discardAndClose(socket, timed, in);
                    return;
                } catch (SocketTimeoutException e) {
                    if (reader.started()) {
                        write(
                                out,
                                handler.refuse(new SandboxError(
                                        408,
                                        "RequestTimeoutException",
                                        "The request did not " + "arrive whole within " + WHOLE_REQUEST.toSeconds()
                                                + " s.")),
                                false);
                        discardAndClose(socket, timed, in);
                    }
                    return;
                }
                if (request == null) {
                    return;
                }
                Response response = handler.handle(request);
                if (response == null) {
                    return;
                }
                write(out, response, request.keepAlive());
                if (!request.keepAlive()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            release(socket);
        }
    }

    private static void write(OutputStream out, Response response, boolean keepAlive) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + response.status() + " " + REASONS.getOrDefault(response.status(), "Status") + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amzn-RequestId: " + response.requestId() + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n"
                + (keepAlive
                        ? "Connection: keep-alive\r\nKeep-Alive: timeout=" + KEEP_ALIVE_SECONDS
                        : "Connection: close")
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /**
     * After refusing a request whose body was not read: stop sending, then throw away (never keep) what the client
     * still sends for a moment, so that closing does not reset the connection before the client reads the answer.
     */
    private static void discardAndClose(Socket socket, TimedSocketInput timed, InputStream in) {
        try {
            socket.shutdownOutput();
            timed.deadlineIn(Duration.ofSeconds(1));
            byte[] scratch = new byte[8192];
            long discarded = 0;
            for (int n = in.read(scratch); n > 0 && discarded < RequestReader.MAX_BODY; n = in.read(scratch)) {
                discarded += n;
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void release(Socket socket) {
        if (open.remove(socket)) {
            slots.release();
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(HttpListener::closeQuietly);
        connections.shutdownNow();
    }
}
