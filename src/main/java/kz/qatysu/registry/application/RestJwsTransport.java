package kz.qatysu.registry.application;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qatysu.platform.signing.DetachedJws;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;

/**
 * {@code POST <url>} of the message body (the notice's canonical JSON) with {@code Content-Type: application/json},
 * {@code Idempotency-Key}, {@code X-Qatysu-Sender}, {@code X-Qatysu-Signature} (a detached JWS over the exact body
 * bytes) and, when configured, {@code Authorization}.
 *
 * <p>Answers: 2xx → delivered; 409 (already received) → delivered; 408, 425, 429 and 5xx → retry; any other 4xx →
 * rejected; no answer in time, refused connection, I/O error, redirect or other status → retry.</p>
 */
public class RestJwsTransport implements RegistryTransport {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String SENDER = "X-Qatysu-Sender";
    public static final String SIGNATURE = "X-Qatysu-Signature";

    private final SigningKeys keys;
    private final HttpClient http;

    public RestJwsTransport(SigningKeys keys, HttpClient http) {
        this.keys = keys;
        this.http = http;
    }

    @Override
    public Delivery deliver(OutboundMessage message, RegistryTarget target) {
        if (target.kind() != TransportKind.REST_JWS) {
            throw new IllegalArgumentException("Registry " + target.name() + " is reached by " + target.kind());
        }
        byte[] body = message.body();
        String signature;
        try {
            signature = DetachedJws.sign(body, keys);
        } catch (IllegalStateException e) {
            return Delivery.retry(0, null, "not sent, it could not be signed: " + e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put(IDEMPOTENCY_KEY, message.idempotencyKey());
        headers.put(SENDER, target.senderId());
        headers.put(SIGNATURE, signature);
        try {
            return classify(RegistryHttp.post(http, target, headers, body), target);
        } catch (IOException | InterruptedException e) {
            return RegistryHttp.noAnswer(e, target);
        }
    }

    private static Delivery classify(RegistryHttp.Answer answer, RegistryTarget target) {
        int status = answer.status();
        String digest = answer.digest();
        String said = answer.body().length == 0 ? "" : ": " + answer.quote();
        if (status >= 200 && status < 300) {
            return Delivery.delivered(status, digest, target.name() + " received the message (HTTP " + status + ")");
        }
        if (status == 409) {
            return Delivery.delivered(status, digest, target.name() + " already had the message (HTTP 409)");
        }
        if (RegistryHttp.isTransient(status)) {
            return Delivery.retry(status, digest, target.name() + " answered HTTP " + status
                    + answer.retryAfter().map(s -> " (Retry-After " + s + ")").orElse("") + said);
        }
        if (status >= 400) {
            return Delivery.rejected(status, digest, target.name() + " refused the message (HTTP " + status + ")"
                    + said);
        }
        return Delivery.retry(status, digest, target.name() + " answered HTTP " + status
                + ", which does not confirm delivery; check qatysu.registry." + target.name() + ".url" + said);
    }
}
