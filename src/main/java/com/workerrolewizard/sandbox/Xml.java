package com.workerrolewizard.sandbox;

import java.util.function.BiConsumer;

/** A small writer for the XML of the AWS Query protocol. */
final class Xml {
    private final StringBuilder out = new StringBuilder();

    Xml open(String element) {
        out.append('<').append(element).append('>');
        return this;
    }

    Xml close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    /** An element with text; nothing at all when the value is null, as AWS omits absent fields. */
    Xml text(String element, Object value) {
        if (value != null) {
            out.append('<')
                    .append(element)
                    .append('>')
                    .append(escape(String.valueOf(value)))
                    .append("</")
                    .append(element)
                    .append('>');
        }
        return this;
    }

    /** A list as the Query protocol writes one: the element, and in it each item inside a {@code member}. */
    <T> Xml list(String element, Iterable<T> items, BiConsumer<Xml, T> member) {
        open(element);
        for (T item : items) {
            open("member");
            member.accept(this, item);
            close("member");
        }
        return close(element);
    }

    Xml raw(String xml) {
        out.append(xml);
        return this;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
