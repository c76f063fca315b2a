package kz.qatysu.platform.security;

import java.util.Locale;

/** Checks on the raw request path, before the container maps it to a resource or a security constraint. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Whether a raw (undecoded) request URI path climbs or stays with dot segments ({@code /../}, {@code /./}, also
     * percent-encoded) or hides a slash or backslash in an encoded segment. No page of the portal has such a path;
     * clients that send one are probing, and get 400 instead of a login redirect or a mapped resource.
     */
    public static boolean isCrafted(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return false;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.contains("%2f") || path.contains("%5c") || path.contains("\\") || path.contains("%00")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            String decoded = segment.replace("%2e", ".");
            int semicolon = decoded.indexOf(';'); // path parameters: "..;jsessionid=x" is still ".."
            if (semicolon >= 0) {
                decoded = decoded.substring(0, semicolon);
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
