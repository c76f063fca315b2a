package kz.qatysu.registry.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registry the platform delivers to: its name (e.g. {@code treasury}), how it is reached, where (an http(s) URL,
 * or a {@code file:} directory for a file drop), the sender id the platform is known by there, the time allowed for
 * one delivery and, optionally, a credential for HTTP transports ({@code null} when none; never printed).
 */
public record RegistryTarget(String name, TransportKind kind, URI endpoint, String senderId, Duration timeout,
                             RegistryCredential credential) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public RegistryTarget {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("A registry name is lower-case letters, digits and '-', not '"
                    + name + "'");
        }
        if (kind == null) {
            throw new IllegalArgumentException("Registry " + name + " has no transport");
        }
        if (endpoint == null || !endpoint.isAbsolute()) {
            throw new IllegalArgumentException("Registry " + name + " needs an absolute endpoint, not " + endpoint);
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (kind == TransportKind.FILE_DROP) {
            if (!"file".equals(scheme)) {
                throw new IllegalArgumentException("Registry " + name + " is a file drop: its endpoint is a file: "
                        + "directory, not " + endpoint);
            }
            if (credential != null) {
                throw new IllegalArgumentException("Registry " + name + " is a file drop: it takes no credential");
            }
        } else if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("Registry " + name + " needs an http(s) URL with a host, not "
                    + endpoint);
        }
        if (senderId == null || !SENDER.matcher(senderId).matches()) {
            throw new IllegalArgumentException("Registry " + name + ": the sender id is letters, digits and . _ : -"
                    + ", not '" + senderId + "'");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Registry " + name + " needs a positive timeout, not " + timeout);
        }
    }

    /** Whether a text is a registry name: lower-case letters, digits and '-', at most 64, not starting with '-'. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The credential, if one is configured. */
    public Optional<RegistryCredential> authorization() {
        return Optional.ofNullable(credential);
    }
}
