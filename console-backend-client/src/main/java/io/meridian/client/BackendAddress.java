package io.meridian.client;

import java.util.Objects;

/** A backend's host and port, parsed from "host:port" or "[v6-address]:port". */
public record BackendAddress(String host, int port) {
    public BackendAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("backend address has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("backend port must be between 1 and 65535, was " + port);
        }
    }

    /** Parses "host:port"; the exception message says what is wrong with the text. */
    public static BackendAddress parse(String text) {
        var value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("backend address '" + value + "' is not HOST:PORT (e.g. localhost:50051)");
        }
        var host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("backend address '" + value + "': port '" + value.substring(colon + 1)
                    + "' is not a number");
        }
        try {
            return new BackendAddress(host, port);
        } catch (IllegalArgumentException e) {
            // The constructor's message lacks the text the user typed; name it, as every other refusal here does.
            throw new IllegalArgumentException("backend address '" + value + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
