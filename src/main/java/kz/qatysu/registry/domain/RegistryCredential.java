package kz.qatysu.registry.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How the platform authenticates to a registry over HTTP. Secrets never appear in {@code toString()}. */
public sealed interface RegistryCredential {

    /** The value of the {@code Authorization} header. */
    String authorization();

    /** An API or bearer token: {@code Authorization: Bearer <token>}. */
    record BearerToken(String token) implements RegistryCredential {

        public BearerToken {
            requireHeaderSafe(token, "token");
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "BearerToken[***]";
        }
    }

    /** HTTP basic authentication. */
    record BasicAuth(String username, String password) implements RegistryCredential {

        public BasicAuth {
            requireHeaderSafe(username, "username");
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("A basic-auth username cannot contain ':'");
            }
            requireHeaderSafe(password, "password");
        }

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "BasicAuth[username=" + username + ", password=***]";
        }
    }

    private static void requireHeaderSafe(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The registry " + name + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("The registry " + name
                        + " must be printable ASCII without spaces");
            }
        }
    }
}
