package kz.qatysu.platform.testing;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The portal as built, on one Payara Micro for every test that talks to it from outside (browser journeys, the
 * mobile and public APIs): started once per test JVM on {@code qatysu.it.port} — the port the Keycloak realm's
 * redirect URIs name — after the test Keycloak, and stopped when the JVM ends. The in-container ITs get Payara Micros
 * of their own through Arquillian, on {@code qatysu.arquillian.port}. Nothing is cached across requests in the
 * portal (no shared JPA cache), so a long-lived portal sees what the other tests write to the database.
 */
public class SharedPortal implements BeforeAllCallback {

    private static Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    private static synchronized void start() throws Exception {
        if (process != null && process.isAlive()) {
            return;
        }
        KeycloakServer.ensureStarted();
        Path log = Path.of(System.getProperty("qatysu.basedir", "."), "target", "shared-portal.log");
        process = PayaraMicroProcess.start("shared portal", Integer.parseInt(System.getProperty("qatysu.it.port", "18080")),
                Map.of(), log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                PayaraMicroProcess.stop(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }
}
