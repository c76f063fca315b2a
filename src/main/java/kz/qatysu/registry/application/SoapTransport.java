package kz.qatysu.registry.application;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import kz.qatysu.platform.signing.SecureXml;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.XmlRefused;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.registry.domain.AllocationNoticeJson;
import kz.qatysu.registry.domain.MalformedMessage;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;

/**
 * {@code POST <url>} of a signed SOAP 1.2 envelope ({@link SoapEnvelope}): the message id is the idempotency key,
 * the body the notice as XML, the signature in the header covers the message header and the notice.
 *
 * <p>Answers: an acknowledgement naming the message id → delivered; a fault with code Sender (Client) →
 * rejected, Receiver (Server) → retry, any other fault code → rejected; without a readable answer: 2xx (nothing
 * acknowledged), 408, 425, 429, 5xx, redirects, no answer in time, refused connection, I/O error → retry, other 4xx
 * → rejected. A body that is not an allocation notice is rejected before sending.</p>
 */
public class SoapTransport implements RegistryTransport {

    private final SigningKeys keys;
    private final HttpClient http;
    private final Clock clock;

    public SoapTransport(SigningKeys keys, HttpClient http, Clock clock) {
        this.keys = keys;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Delivery deliver(OutboundMessage message, RegistryTarget target) {
        if (target.kind() != TransportKind.SOAP) {
            throw new IllegalArgumentException("Registry " + target.name() + " is reached by " + target.kind());
        }
        AllocationNotice notice;
        try {
            notice = AllocationNoticeJson.fromJson(message.body());
        } catch (MalformedMessage e) {
            return Delivery.rejected(0, null, "not sent: the body is not an allocation notice (" + e.getMessage()
                    + ")");
        }
        byte[] envelope;
        try {
            envelope = SecureXml.write(SoapEnvelope.request(message.idempotencyKey(), clock.instant(),
                    target.senderId(), notice, keys));
        } catch (IllegalStateException e) {
            return Delivery.retry(0, null, "not sent, it could not be signed: " + e.getMessage());
        }
        try {
            return classify(RegistryHttp.post(http, target, Map.of("Content-Type", SoapEnvelope.CONTENT_TYPE,
                    "Accept", "application/soap+xml"), envelope), message, target);
        } catch (IOException | InterruptedException e) {
            return RegistryHttp.noAnswer(e, target);
        }
    }

    private static Delivery classify(RegistryHttp.Answer answer, OutboundMessage message, RegistryTarget target) {
        int status = answer.status();
        String digest = answer.digest();
        SoapEnvelope.Answer read = null;
        String unreadable = null;
        if (answer.body().length > 0) {
            try {
                read = SoapEnvelope.readAnswer(SecureXml.parse(answer.body()));
            } catch (XmlRefused | MalformedMessage e) {
                unreadable = e.getMessage();
            }
        }
        if (read instanceof SoapEnvelope.Fault fault) {
            String said = target.name() + " answered with a " + fault.code() + " fault (HTTP " + status + "): "
                    + fault.reason();
            return fault.isReceiverFault()
                    ? Delivery.retry(status, digest, said)
                    : Delivery.rejected(status, digest, said);
        }
        if (read instanceof SoapEnvelope.Acknowledgement ack && status >= 200 && status < 300) {
            if (ack.messageId().equals(message.idempotencyKey())) {
                return Delivery.delivered(status, digest, target.name()
                        + (SoapEnvelope.ALREADY_RECEIVED.equals(ack.status()) ? " already had" : " received")
                        + " message " + ack.messageId() + " (HTTP " + status + ", " + ack.status() + ")");
            }
            return Delivery.retry(status, digest, target.name() + " acknowledged message " + ack.messageId()
                    + ", not " + message.idempotencyKey());
        }
        String why = unreadable != null ? " with an unreadable answer (" + unreadable + ")"
                : read == null ? " without a SOAP answer" : " with an acknowledgement";
        if (status >= 200 && status < 300) {
            return Delivery.retry(status, digest, target.name() + " answered HTTP " + status + why
                    + "; the message is not confirmed");
        }
        if (status >= 400 && !RegistryHttp.isTransient(status)) {
            return Delivery.rejected(status, digest, target.name() + " refused the message (HTTP " + status + ")"
                    + why);
        }
        return Delivery.retry(status, digest, target.name() + " answered HTTP " + status + why);
    }
}
