package kz.qatysu.registry.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import kz.qatysu.registry.domain.RegistryCredential;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import org.eclipse.microprofile.config.Config;

/**
 * The registries the platform delivers to, from MicroProfile Config (each key also as an environment variable,
 * e.g. {@code QATYSU_REGISTRY_SELF_GOVERNMENT_URL}):
 * <pre>
 * qatysu.registry.targets=treasury,statistics,self-government
 * qatysu.registry.&lt;name&gt;.transport=rest-jws | soap | file-drop
 * qatysu.registry.&lt;name&gt;.url=https://… (file drop: a directory, file:/… or an absolute path)
 * qatysu.registry.&lt;name&gt;.sender-id=…
 * qatysu.registry.&lt;name&gt;.timeout=PT10S            (ISO-8601 duration, default PT10S)
 * qatysu.registry.&lt;name&gt;.token=…                  (optional: Authorization: Bearer)
 * qatysu.registry.&lt;name&gt;.username=… / .password=… (optional: basic authentication)
 * </pre>
 * No {@code qatysu.registry.targets} means no registries. Every mistake is reported at once, naming its key; secret
 * values are never part of a message.
 */
@ApplicationScoped
public class RegistryTargets {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final String PREFIX = "qatysu.registry.";

    @Inject
    Config config;

    private Map<String, RegistryTarget> targets;

    /** For CDI. */
    protected RegistryTargets() {
    }

    private RegistryTargets(Map<String, RegistryTarget> targets) {
        this.targets = targets;
    }

    @PostConstruct
    void readConfiguration() {
        targets = read(key -> config.getOptionalValue(key, String.class)).targets;
    }

    /**
     * Reads the targets from a configuration lookup (a key to its value, if set).
     *
     * @throws IllegalStateException listing every misconfigured key
     */
    public static RegistryTargets read(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> values = key -> lookup.apply(key).map(String::strip)
                .filter(v -> !v.isEmpty());
        List<String> errors = new ArrayList<>();
        Map<String, RegistryTarget> targets = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (String raw : values.apply(PREFIX + "targets").orElse("").split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!names.add(name)) {
                errors.add(PREFIX + "targets names " + name + " twice");
                continue;
            }
            int before = errors.size();
            RegistryTarget target = target(name, key -> values.apply(PREFIX + name + "." + key), errors);
            if (errors.size() == before) {
                targets.put(name, target);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Registry configuration: " + String.join("; ", errors));
        }
        return new RegistryTargets(Collections.unmodifiableMap(targets));
    }

    /** The configured targets in the order of {@code qatysu.registry.targets}. */
    public List<RegistryTarget> all() {
        return List.copyOf(targets.values());
    }

    /** The target of that name, if configured. */
    public Optional<RegistryTarget> named(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    private static RegistryTarget target(String name, Function<String, Optional<String>> value, List<String> errors) {
        String at = PREFIX + name + ".";
        TransportKind kind = null;
        Optional<String> transport = value.apply("transport");
        if (transport.isEmpty()) {
            errors.add(at + "transport is missing (rest-jws, soap or file-drop)");
        } else {
            try {
                kind = TransportKind.valueOf(transport.get().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                errors.add(at + "transport '" + transport.get() + "' is not rest-jws, soap or file-drop");
            }
        }
        URI endpoint = null;
        Optional<String> url = value.apply("url");
        if (url.isEmpty()) {
            errors.add(at + "url is missing");
        } else {
            try {
                endpoint = kind == TransportKind.FILE_DROP && url.get().startsWith("/")
                        ? Path.of(url.get()).toUri()
                        : new URI(url.get());
            } catch (URISyntaxException | InvalidPathException e) {
                errors.add(at + "url is not a URL: " + e.getMessage());
            }
        }
        Optional<String> senderId = value.apply("sender-id");
        if (senderId.isEmpty()) {
            errors.add(at + "sender-id is missing");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        Optional<String> timeoutText = value.apply("timeout");
        if (timeoutText.isPresent()) {
            try {
                timeout = Duration.parse(timeoutText.get());
            } catch (DateTimeParseException e) {
                errors.add(at + "timeout '" + timeoutText.get() + "' is not an ISO-8601 duration such as PT10S");
            }
        }
        RegistryCredential credential = null;
        Optional<String> token = value.apply("token");
        Optional<String> username = value.apply("username");
        Optional<String> password = value.apply("password");
        try {
            if (token.isPresent() && (username.isPresent() || password.isPresent())) {
                errors.add(at + "token and username/password are both set; choose one");
            } else if (token.isPresent()) {
                credential = new RegistryCredential.BearerToken(token.get());
            } else if (username.isPresent() != password.isPresent()) {
                errors.add(at + "username and password go together");
            } else if (username.isPresent()) {
                credential = new RegistryCredential.BasicAuth(username.get(), password.get());
            }
        } catch (IllegalArgumentException e) {
            errors.add(at + "credential: " + e.getMessage());
        }
        if (kind == null || endpoint == null || senderId.isEmpty()) {
            return null;
        }
        try {
            return new RegistryTarget(name, kind, endpoint, senderId.get(), timeout, credential);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }
}
