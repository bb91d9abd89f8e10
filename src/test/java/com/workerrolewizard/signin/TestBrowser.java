package com.workerrolewizard.signin;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The person's browser, for tests: follows the sign-in page's redirects (no proxy) and reads the page it lands on. */
public final class TestBrowser {
    /** Where the browser ended, with the page it shows. */
    public record Visit(int status, String page, URI landedAt) {}

    private TestBrowser() {}

    public static Visit follow(String url) throws IOException {
        URI at = URI.create(url);
        for (int hop = 0; hop < 5; hop++) {
            HttpURLConnection connection = (HttpURLConnection) at.toURL().openConnection(Proxy.NO_PROXY);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(30000);
            int status = connection.getResponseCode();
            if (status / 100 == 3) {
                at = at.resolve(connection.getHeaderField("Location"));
                connection.disconnect();
                continue;
            }
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String page = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            connection.disconnect();
            return new Visit(status, page, at);
        }
        throw new IOException("more than 5 redirects from " + url);
    }
}
