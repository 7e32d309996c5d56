package io.meridian.postgres.observe;

/** Host names as a WAL receiver reports them and as a platform file writes them. */
final class SectionHosts {
    private SectionHosts() {
    }

    static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
    }
}
