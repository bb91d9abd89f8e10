package com.workerrolewizard.ui;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.collections.ListChangeListener;
import javafx.css.CssParser;

/**
 * Every stylesheet problem JavaFX reports while it is open: CSS parse errors, the warnings of the CSS engine (a value
 * that cannot be converted, a lookup that cannot be resolved, on its logger) and anything printed to stderr.
 */
final class StyleProblems implements AutoCloseable {
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getLoggerName() != null
                    && record.getLoggerName().startsWith("javafx")) {
                problems.add(
                        record.getLoggerName() + ": " + new java.util.logging.SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final ListChangeListener<CssParser.ParseError> parseErrors = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(error -> problems.add("CSS: " + error));
        }
    };

    StyleProblems() {
        Logger.getLogger("").addHandler(handler);
        Logger.getLogger("javafx.css").setLevel(Level.ALL);
        CssParser.errorsProperty().addListener(parseErrors);
        System.setErr(new PrintStream(new Tee(originalErr, printed), true, StandardCharsets.UTF_8));
    }

    /** What was reported so far; stderr lines that mention a stylesheet or a ClassCastException count. */
    List<String> all() {
        List<String> all = new java.util.ArrayList<>(problems);
        String err = printed.toString(StandardCharsets.UTF_8);
        err.lines()
                .filter(line -> line.contains(".css")
                        || line.contains(".bss")
                        || line.contains("ClassCastException")
                        || line.contains("CssStyleHelper")
                        || line.contains("WARNING"))
                .forEach(line -> all.add("stderr: " + line));
        return all;
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(handler);
        CssParser.errorsProperty().removeListener(parseErrors);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
