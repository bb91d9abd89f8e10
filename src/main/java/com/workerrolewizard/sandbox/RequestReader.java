package com.workerrolewizard.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests from one connection with bounds: the head (request line and headers) up to 64 KB, the
 * body up to 1 MB. A declared length over the limit is refused before a byte of the body is read; a chunked body
 * is refused as soon as it passes the limit. Refusals are {@link SandboxError}s the connection answers, then closes.
 */
final class RequestReader {
    static final int MAX_BODY = 1024 * 1024;
    static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_LINE = 8 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private boolean started;

    RequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Whether a byte of the request being read has arrived (a timeout then deserves an answer). */
    boolean started() {
        return started;
    }

    /** The next request, or null when the client closed the connection between requests. */
    IncomingRequest next() throws IOException {
        started = false;
        int first = in.read();
        if (first < 0) {
            return null;
        }
        started = true;
        List<String> head = head(first);
        String[] line = head.get(0).split(" ", -1);
        if (line.length != 3 || line[0].isEmpty() || line[1].isEmpty() || !line[2].startsWith("HTTP/1.")) {
            throw malformed("the request line is not METHOD TARGET HTTP/1.x");
        }
        Map<String, List<String>> headers = headers(head);
        String target = line[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        byte[] body = body(headers);
        String connection =
                String.join(",", headers.getOrDefault("connection", List.of())).toLowerCase(Locale.ROOT);
        boolean keepAlive =
                line[2].equals("HTTP/1.0") ? connection.contains("keep-alive") : !connection.contains("close");
        return new IncomingRequest(line[0], path, query, headers, body, keepAlive);
    }

    private List<String> head(int first) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int b = first;
        while (true) {
            if (b < 0) {
                throw new EOFException("the client closed the connection in the middle of a request");
            }
            if (++total > MAX_HEAD) {
                throw new SandboxError(
                        431,
                        "RequestHeaderFieldsTooLarge",
                        "The request line and headers exceed " + MAX_HEAD / 1024 + " KB.");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    if (!lines.isEmpty()) {
                        return lines;
                    }
                } else {
                    lines.add(text);
                }
                line.reset();
            } else {
                line.write(b);
            }
            b = in.read();
        }
    }

    private static Map<String, List<String>> headers(List<String> head) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header : head.subList(1, head.size())) {
            int colon = header.indexOf(':');
            String name = colon <= 0 ? "" : header.substring(0, colon);
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127)) {
                throw malformed("a header line is not NAME: VALUE");
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        return headers;
    }

    private byte[] body(Map<String, List<String>> headers) throws IOException {
        List<String> encodings = headers.get("transfer-encoding");
        if (encodings != null) {
            if (!String.join(",", encodings).strip().toLowerCase(Locale.ROOT).endsWith("chunked")) {
                throw malformed("the only transfer coding understood is chunked");
            }
            continueIfExpected(headers);
            return chunked();
        }
        List<String> lengths = headers.get("content-length");
        if (lengths == null) {
            return new byte[0];
        }
        String length = lengths.get(0);
        if (lengths.stream().anyMatch(l -> !l.equals(length))
                || length.isEmpty()
                || !length.chars().allMatch(Character::isDigit)) {
            throw malformed("the Content-Length is not one number");
        }
        if (length.length() > 9 || Integer.parseInt(length) > MAX_BODY) {
            throw tooLarge();
        }
        continueIfExpected(headers);
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length < Integer.parseInt(length)) {
            throw new EOFException("the client closed the connection in the middle of a request");
        }
        return body;
    }

    /** Tells a client that waits before sending its body to go on: its size has been accepted. */
    private void continueIfExpected(Map<String, List<String>> headers) throws IOException {
        if (headers.getOrDefault("expect", List.of()).stream().anyMatch(e -> e.equalsIgnoreCase("100-continue"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw malformed("a chunk size is not a hexadecimal number");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                int trailers = 0;
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    trailers += trailer.length();
                    if (trailers > MAX_HEAD) {
                        throw malformed("the trailers after the last chunk are too long");
                    }
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw tooLarge();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("the client closed the connection in the middle of a chunk");
            }
            body.write(chunk);
            if (!line().isEmpty()) {
                throw malformed("a chunk is longer than its size says");
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the client closed the connection in the middle of a request");
            }
            if (line.size() >= MAX_LINE) {
                throw malformed("a chunk line is too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static SandboxError tooLarge() {
        return new SandboxError(
                413,
                "RequestEntityTooLargeException",
                "The request body is larger than " + MAX_BODY / (1024 * 1024) + " MB, the most the sandbox reads.");
    }

    private static SandboxError malformed(String problem) {
        return new SandboxError(
                400, "MalformedHttpRequestException", "The request is not valid HTTP/1.1: " + problem + ".");
    }
}
