package com.workerrolewizard.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The one way the program makes an HTTP client: the JDK's connection (the smallest SDK client), with HTTPS
 * proxies configured the usual ways ({@code HTTPS_PROXY}/{@code NO_PROXY}, or the JVM's proxy properties).
 */
public final class HttpClients {
    private HttpClients() {
    }

    public static SdkHttpClient create(Duration socketTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(socketTimeout)
                .proxyConfiguration(ProxyConfiguration.builder().useSystemPropertyValues(true)
                        .useEnvironmentVariablesValues(true).build())
                .build();
    }
}
