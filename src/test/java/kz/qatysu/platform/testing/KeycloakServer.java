package kz.qatysu.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak server for the browser tests, started once per test JVM from the distribution Maven unpacked,
 * with both realm exports of {@code keycloak-realm/} imported into a fresh database. The realm {@code egov} plays
 * the national identity provider; {@code qatysu} brokers it. Stopped when the JVM ends.
 */
public class KeycloakServer implements BeforeAllCallback {

    private static Process process;
    private static String url;

    public static String url() {
        return url;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts the server unless it runs (for the shared portal, whose sign-in needs it). */
    static void ensureStarted() throws IOException, InterruptedException {
        start();
    }

    private static synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            return;
        }
        String clientSecret = requiredEnv("QATYSU_OIDC_CLIENT_SECRET");
        String brokerSecret = requiredEnv("QATYSU_BROKER_CLIENT_SECRET");
        Path home = Path.of(System.getProperty("qatysu.keycloak.home"));
        Path basedir = Path.of(System.getProperty("qatysu.basedir", "."));
        int port = Integer.parseInt(System.getProperty("qatysu.keycloak.port", "18180"));
        int portalPort = Integer.parseInt(System.getProperty("qatysu.it.port", "18080"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (mvn verify unpacks it)");
        }
        deleteRecursively(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (Stream<Path> realms = Files.list(basedir.resolve("keycloak-realm"))) {
            for (Path realm : realms.filter(p -> p.getFileName().toString().endsWith("-realm.json")).toList()) {
                Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        url = "http://localhost:" + port;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--import-realm", "--hostname-strict=false")
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(basedir.resolve("target")).resolve("keycloak-it.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QATYSU_PORTAL_URL", "http://localhost:" + portalPort);
        env.put("QATYSU_KEYCLOAK_URL", url);
        env.put("QATYSU_OIDC_CLIENT_SECRET", clientSecret);
        env.put("QATYSU_BROKER_CLIENT_SECRET", brokerSecret);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", clientSecret);
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
        awaitRealm("qatysu", Duration.ofSeconds(240));
    }

    private static void awaitRealm(String realm, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see target/keycloak-it.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create(url + "/realms/" + realm + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve realm " + realm + " within " + timeout);
    }

    private static void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the suite with ./qatysu test");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
