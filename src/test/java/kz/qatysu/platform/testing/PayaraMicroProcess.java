package kz.qatysu.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The portal's WAR on a Payara Micro of its own, started exactly as {@code ./qatysu run} starts it (same JAR, JDBC
 * driver and post-boot commands) with the test JVM's environment plus {@code env}; ready once "/" answers 200
 * (before the application is deployed the listener answers 404).
 */
public final class PayaraMicroProcess {

    private PayaraMicroProcess() {
    }

    /** Starts it and waits until the portal answers, or fails with where its log is. */
    public static Process start(String name, int port, Map<String, String> env, Path log) throws Exception {
        String basedir = System.getProperty("qatysu.basedir", ".");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseSerialGC", "-Xss1m", "-jar",
                System.getProperty("payara.microJar", basedir + "/target/runtime/payara-micro.jar"),
                "--deploy", System.getProperty("qatysu.war", basedir + "/target/qatysu.war"), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster",
                "--addLibs", basedir + "/target/runtime/postgresql.jar",
                "--postbootcommandfile", basedir + "/payara-config/post-boot-commands.asadmin")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro (" + name + ") stopped during start-up; see " + log);
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("Payara Micro (" + name + ") did not answer within 5 minutes; see " + log);
    }

    /** Stops it (a minute for a clean shutdown, then by force). */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
