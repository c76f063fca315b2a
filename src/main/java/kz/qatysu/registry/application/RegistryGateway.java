package kz.qatysu.registry.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;

/**
 * What the outbox relay calls: delivers a message to a registry with the transport of the target's kind. The REST
 * and SOAP transports share one HTTP client.
 */
@ApplicationScoped
public class RegistryGateway implements RegistryTransport, AutoCloseable {

    /** How long the HTTP client waits for a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private HttpClient http;
    private Map<TransportKind, RegistryTransport> transports;

    /** For CDI proxies. */
    protected RegistryGateway() {
    }

    @Inject
    public RegistryGateway(SigningKeys keys, Clock clock) {
        http = RegistryHttp.newClient(CONNECT_TIMEOUT);
        transports = new EnumMap<>(TransportKind.class);
        transports.put(TransportKind.REST_JWS, new RestJwsTransport(keys, http));
        transports.put(TransportKind.SOAP, new SoapTransport(keys, http, clock));
        transports.put(TransportKind.FILE_DROP, new FileDropTransport(keys));
    }

    @Override
    public Delivery deliver(OutboundMessage message, RegistryTarget target) {
        return transports.get(target.kind()).deliver(message, target);
    }

    /** Releases the HTTP client. */
    @PreDestroy
    @Override
    public void close() {
        http.close();
    }
}
