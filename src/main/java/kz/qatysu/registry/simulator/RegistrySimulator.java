package kz.qatysu.registry.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.platform.json.CanonicalJson;
import kz.qatysu.platform.signing.DetachedJws;
import kz.qatysu.platform.signing.SecureXml;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.Verification;
import kz.qatysu.platform.signing.XmlRefused;
import kz.qatysu.platform.signing.XmlSignatures;
import kz.qatysu.registry.application.OutboundMessage;
import kz.qatysu.registry.application.RestJwsTransport;
import kz.qatysu.registry.application.SoapEnvelope;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.registry.domain.AllocationNoticeJson;
import kz.qatysu.registry.domain.AllocationNoticeXml;
import kz.qatysu.registry.domain.MalformedMessage;
import kz.qatysu.registry.domain.RegistryTarget;
import org.w3c.dom.Document;

/**
 * A registry simulator: one HTTP server (JDK {@code HttpServer}) standing in for any number of registries, each
 * named in the path and created on first use.
 * <ul>
 * <li>{@code POST /rest/{registry}} — REST delivery: the detached JWS in {@code X-Qatysu-Signature} must verify
 * over the exact body with the trusted certificate (else 400), {@code Idempotency-Key} and {@code X-Qatysu-Sender}
 * are required (else 400), the body must be an allocation notice (else 422); a new key answers 202, a known one
 * 409 ("already received") and stores nothing.</li>
 * <li>{@code POST /soap/{registry}} — SOAP delivery ({@link SoapEnvelope}): the signature must cover the message
 * header and the notice and verify with the trusted certificate; problems answer 400 with a Sender fault; a new or
 * known message id answers 200 with an acknowledgement ({@code RECEIVED} / {@code ALREADY_RECEIVED}).</li>
 * <li>{@code POST /control/{registry}} — how the registry misbehaves ({@link FailMode}); {@code GET} shows it.</li>
 * <li>{@code GET /received/{registry}} — stored messages, deliveries per key and versions that arrived out of
 * order, as JSON.</li>
 * <li>{@code GET /health}.</li>
 * </ul>
 * With a store directory every stored message is also written to {@code <store>/<registry>/}: the notice as
 * canonical JSON, plus the JWS ({@code .jws}) or the SOAP envelope ({@code .xml}) as received.
 *
 * <p>Command line: {@code java -jar qatysu-registry-simulator.jar [--port 8280] [--bind 127.0.0.1]
 * (--trust-cert CERT.pem | --trust-keystore KEYSTORE.p12 [--trust-alias qatysu]) [--store DIR]}; the keystore's
 * password comes from the environment variable {@code QATYSU_SIGNING_PASSWORD}.</p>
 */
public final class RegistrySimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8280;
    static final int MAX_BODY_BYTES = 5 << 20;

    private static final Logger LOGGER = Logger.getLogger(RegistrySimulator.class.getName());
    private static final String USAGE = "usage: java -jar qatysu-registry-simulator.jar [--port " + DEFAULT_PORT
            + "] [--bind 127.0.0.1] (--trust-cert CERT.pem | --trust-keystore KEYSTORE.p12 [--trust-alias qatysu])"
            + " [--store DIR]   (keystore password from QATYSU_SIGNING_PASSWORD)";

    private final HttpServer server;
    private final ExecutorService executor;
    private final X509Certificate trusted;
    private final Path store;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Inbox> inboxes = new ConcurrentHashMap<>();

    private RegistrySimulator(HttpServer server, X509Certificate trusted, Path store) {
        this.server = server;
        this.trusted = trusted;
        this.store = store;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on the loopback address; port 0 takes any free port. Nothing is written to disk. */
    public static RegistrySimulator start(int port, X509Certificate trusted) throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), trusted, null);
    }

    /** Starts on an address; with a store directory, stored messages are also written there. */
    public static RegistrySimulator start(InetSocketAddress address, X509Certificate trusted, Path store)
            throws IOException {
        if (trusted == null) {
            throw new IllegalArgumentException("The simulator needs the certificate it trusts");
        }
        return new RegistrySimulator(HttpServer.create(address, 0), trusted, store);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where a registry of this name takes REST deliveries. */
    public URI restEndpoint(String registry) {
        return endpoint("rest", registry);
    }

    /** Where a registry of this name takes SOAP deliveries. */
    public URI soapEndpoint(String registry) {
        return endpoint("soap", registry);
    }

    /** The messages the registry stored, in order of arrival. */
    public List<ReceivedMessage> received(String registry) {
        return inbox(registry).received();
    }

    /** The versions that arrived after a higher version of the same round. */
    public List<OutOfOrder> outOfOrder(String registry) {
        return inbox(registry).outOfOrder();
    }

    /** Makes the registry misbehave (or behave again: {@link FailMode#ok()}). */
    public void failMode(String registry, FailMode mode) {
        inbox(registry).failMode(mode, clock.instant());
    }

    /** Stops at once; answers still being delayed are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int port = DEFAULT_PORT;
        String bind = "127.0.0.1";
        Path trustCert = null;
        Path trustKeystore = null;
        String alias = "qatysu";
        Path storeDir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(required(args[i], value));
                    case "--bind" -> bind = required(args[i], value);
                    case "--trust-cert" -> trustCert = Path.of(required(args[i], value));
                    case "--trust-keystore" -> trustKeystore = Path.of(required(args[i], value));
                    case "--trust-alias" -> alias = required(args[i], value);
                    case "--store" -> storeDir = Path.of(required(args[i], value));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if ((trustCert == null) == (trustKeystore == null)) {
                throw new IllegalArgumentException("give one of --trust-cert and --trust-keystore");
            }
            X509Certificate certificate = trustCert != null ? SigningKeys.readCertificate(trustCert)
                    : trustedFromKeystore(trustKeystore, alias);
            RegistrySimulator simulator = start(new InetSocketAddress(bind, port), certificate, storeDir);
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "registry-simulator-stop"));
            System.out.println("Registry simulator listening on http://" + bind + ":" + simulator.port()
                    + " (REST /rest/{registry}, SOAP /soap/{registry}, /control/{registry}, /received/{registry})"
                    + ", trusting " + certificate.getSubjectX500Principal().getName());
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("registry simulator: " + e.getMessage());
            err.println(USAGE);
            System.exit(2);
        }
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static X509Certificate trustedFromKeystore(Path keystore, String alias) {
        String password = System.getenv("QATYSU_SIGNING_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("--trust-keystore needs the password in QATYSU_SIGNING_PASSWORD");
        }
        return SigningKeys.load(keystore, password.toCharArray(), alias).certificate();
    }

    private URI endpoint(String kind, String registry) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/" + kind
                + "/" + registry);
    }

    private Inbox inbox(String registry) {
        if (!RegistryTarget.isValidName(registry)) {
            throw new IllegalArgumentException("Not a registry name: " + registry);
        }
        return inboxes.computeIfAbsent(registry, name -> new Inbox());
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Request " + exchange.getRequestURI() + " failed", e);
                problem(exchange, 500, "internal", e.getClass().getSimpleName());
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "Answer not sent: {0}", e.getMessage());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String method = exchange.getRequestMethod();
        if (path.length == 2 && "health".equals(path[1])) {
            json(exchange, 200, Map.of("status", "UP", "registries", List.copyOf(inboxes.keySet())));
            return;
        }
        if (path.length != 3 || !RegistryTarget.isValidName(path[2])) {
            problem(exchange, 404, "not-found", "no such resource");
            return;
        }
        String registry = path[2];
        switch (path[1] + " " + method) {
            case "rest POST" -> rest(exchange, registry);
            case "soap POST" -> soap(exchange, registry);
            case "control POST" -> control(exchange, registry);
            case "control GET" -> json(exchange, 200, inbox(registry).failMode().toJson());
            case "received GET" -> json(exchange, 200, listing(registry));
            default -> problem(exchange, path[1].matches("rest|soap|control|received") ? 405 : 404,
                    "not-found", "no such resource or method");
        }
    }

    private void rest(HttpExchange exchange, String registry) throws IOException {
        byte[] body = body(exchange);
        if (body == null) {
            problem(exchange, 413, "too-large", "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst(RestJwsTransport.IDEMPOTENCY_KEY);
        if (!OutboundMessage.isValidKey(key)) {
            problem(exchange, 400, "idempotency-key", "missing or invalid Idempotency-Key");
            return;
        }
        Inbox inbox = inbox(registry);
        FailMode mode = inbox.failMode();
        switch (inbox.arrive(key, new String(body, StandardCharsets.UTF_8), clock.instant())) {
            case DOWN -> {
                problem(exchange, 503, "down", registry + " is down");
                return;
            }
            case ERROR -> {
                problem(exchange, 500, "error", registry + " failed");
                return;
            }
            case TIMEOUT -> {
                pause(mode.delay());
                problem(exchange, 503, "timeout", registry + " took too long");
                return;
            }
            case REJECT -> {
                problem(exchange, 422, "rejected", registry + " refuses this message");
                return;
            }
            case NONE -> pause(mode.mode() == FailMode.Mode.SLOW ? mode.delay() : Duration.ZERO);
        }
        String sender = exchange.getRequestHeaders().getFirst(RestJwsTransport.SENDER);
        if (sender == null || sender.isBlank()) {
            problem(exchange, 400, "sender", "missing " + RestJwsTransport.SENDER);
            return;
        }
        String signature = exchange.getRequestHeaders().getFirst(RestJwsTransport.SIGNATURE);
        Verification verification = DetachedJws.check(body, signature, trusted);
        if (!verification.valid()) {
            problem(exchange, 400, "signature", "signature refused: " + verification.reason());
            return;
        }
        AllocationNotice notice;
        try {
            notice = AllocationNoticeJson.fromJson(body);
        } catch (MalformedMessage e) {
            problem(exchange, 422, "invalid-notice", e.getMessage());
            return;
        }
        if (!inbox.store(key, "rest", sender, notice, clock.instant())) {
            json(exchange, 409, Map.of("status", "already-received", "key", key));
            return;
        }
        keep(registry, notice, key, ".jws", signature.getBytes(StandardCharsets.US_ASCII));
        if (mode.acceptThenTimeout()) {
            pause(mode.delay());
        }
        json(exchange, 202, Map.of("status", "received", "key", key,
                "digest", CanonicalJson.sha256Hex(AllocationNoticeJson.toJson(notice))));
    }

    private void soap(HttpExchange exchange, String registry) throws IOException {
        byte[] body = body(exchange);
        if (body == null) {
            fault(exchange, 413, true, "message larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        SoapEnvelope.Request request;
        try {
            request = SoapEnvelope.readRequest(SecureXml.parse(body));
        } catch (XmlRefused | MalformedMessage e) {
            fault(exchange, 400, true, e.getMessage());
            return;
        }
        String key = request.messageId();
        if (!OutboundMessage.isValidKey(key)) {
            fault(exchange, 400, true, "invalid MessageId");
            return;
        }
        Inbox inbox = inbox(registry);
        FailMode mode = inbox.failMode();
        switch (inbox.arrive(key, new String(body, StandardCharsets.UTF_8), clock.instant())) {
            case DOWN -> {
                send(exchange, 503, "text/plain; charset=utf-8",
                        "Service Unavailable".getBytes(StandardCharsets.UTF_8));
                return;
            }
            case ERROR -> {
                fault(exchange, 500, false, registry + " failed");
                return;
            }
            case TIMEOUT -> {
                pause(mode.delay());
                fault(exchange, 503, false, registry + " took too long");
                return;
            }
            case REJECT -> {
                fault(exchange, 400, true, registry + " refuses this message");
                return;
            }
            case NONE -> pause(mode.mode() == FailMode.Mode.SLOW ? mode.delay() : Duration.ZERO);
        }
        Verification verification = XmlSignatures.verifyElements(request.document(), request.signedElements(),
                trusted);
        if (!verification.valid()) {
            fault(exchange, 400, true, "signature refused: " + verification.reason());
            return;
        }
        AllocationNotice notice;
        try {
            notice = AllocationNoticeXml.fromElement(request.notice());
        } catch (MalformedMessage e) {
            fault(exchange, 400, true, e.getMessage());
            return;
        }
        boolean stored = inbox.store(key, "soap", request.senderId(), notice, clock.instant());
        if (stored) {
            keep(registry, notice, key, ".xml", body);
            if (mode.acceptThenTimeout()) {
                pause(mode.delay());
            }
        }
        send(exchange, 200, SoapEnvelope.CONTENT_TYPE, SecureXml.write(SoapEnvelope.acknowledgement(key,
                stored ? SoapEnvelope.RECEIVED : SoapEnvelope.ALREADY_RECEIVED)));
    }

    private void control(HttpExchange exchange, String registry) throws IOException {
        byte[] body = body(exchange);
        FailMode mode;
        try {
            mode = FailMode.fromJson(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "control", e.getMessage());
            return;
        }
        failMode(registry, mode);
        LOGGER.log(Level.INFO, "{0}: fail mode {1}", new Object[] {registry, mode.toJson()});
        json(exchange, 200, mode.toJson());
    }

    private Map<String, Object> listing(String registry) {
        Inbox inbox = inbox(registry);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ReceivedMessage m : inbox.received()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("key", m.idempotencyKey());
            json.put("transport", m.transport());
            json.put("senderId", m.senderId());
            json.put("round", m.roundId());
            json.put("version", m.version());
            json.put("bodyDigest", m.bodyDigest());
            json.put("deliveries", m.deliveries());
            json.put("receivedAt", m.receivedAt().toString());
            json.put("outOfOrder", m.outOfOrder());
            messages.add(json);
        }
        List<Map<String, Object>> late = new ArrayList<>();
        for (OutOfOrder o : inbox.outOfOrder()) {
            late.add(Map.of("round", o.roundId(), "version", o.version(), "after", o.after(),
                    "key", o.idempotencyKey()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("registry", registry);
        json.put("messages", messages);
        json.put("outOfOrder", late);
        json.put("deliveries", inbox.deliveries());
        return json;
    }

    /** Writes a stored message to the store directory, if there is one. */
    private void keep(String registry, AllocationNotice notice, String key, String suffix, byte[] received) {
        if (store == null) {
            return;
        }
        Path dir = store.resolve(registry);
        String name = notice.roundId() + "-v" + notice.version() + "-" + key;
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".json"), AllocationNoticeJson.toJson(notice));
            Files.write(dir.resolve(name + suffix), received);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Message {0} of {1} kept in memory only: {2}",
                    new Object[] {key, registry, e.getMessage()});
        }
        LOGGER.log(Level.INFO, "{0}: stored round {1} version {2} ({3})",
                new Object[] {registry, notice.roundId(), notice.version(), key});
    }

    /** The request body, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void problem(HttpExchange exchange, int status, String error, String detail) throws IOException {
        json(exchange, status, Map.of("error", error, "detail", detail));
    }

    private static void fault(HttpExchange exchange, int status, boolean senderFault, String reason)
            throws IOException {
        send(exchange, status, SoapEnvelope.CONTENT_TYPE, SecureXml.write(SoapEnvelope.fault(senderFault, reason)));
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
        send(exchange, status, "application/json", CanonicalJson.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
