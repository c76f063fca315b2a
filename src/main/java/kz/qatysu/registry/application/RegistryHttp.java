package kz.qatysu.registry.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qatysu.platform.json.CanonicalJson;
import kz.qatysu.registry.domain.RegistryTarget;

/**
 * The HTTP exchange shared by the REST and SOAP transports: one POST within the target's timeout (for the whole
 * exchange, body included), a response body of at most {@value #MAX_RESPONSE_BYTES} bytes, and the mapping of
 * failures without an answer to {@link DeliveryResult#RETRY}.
 */
final class RegistryHttp {

    static final int MAX_RESPONSE_BYTES = 1 << 20;
    /** How much of a response body a detail quotes. */
    private static final int QUOTED = 200;

    private RegistryHttp() {
    }

    /** A registry's answer. */
    record Answer(int status, byte[] body, Optional<String> retryAfter) {

        String digest() {
            return CanonicalJson.sha256Hex(body);
        }

        /** The start of the body as one line of text, for details. */
        String quote() {
            String text = new String(body, 0, Math.min(body.length, QUOTED * 4), StandardCharsets.UTF_8).strip();
            return text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
        }
    }

    /** The client the transports share: HTTP/1.1, no redirects, a connect timeout. */
    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    static Answer post(HttpClient http, RegistryTarget target, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.endpoint())
                .timeout(target.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        target.authorization().ifPresent(credential -> request.header("Authorization", credential.authorization()));
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info -> new BoundedBody());
        try {
            HttpResponse<byte[]> response = exchange.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + target.timeout());
        } catch (CancellationException e) {
            throw new IOException("exchange cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    /** The delivery for an exchange that got no usable answer: always a retry. */
    static Delivery noAnswer(Exception e, RegistryTarget target) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return Delivery.retry(0, null, "interrupted while delivering to " + target.name());
        }
        if (e instanceof HttpConnectTimeoutException) {
            return Delivery.retry(0, null, "no connection to " + target.name() + " at " + target.endpoint()
                    + " within the connect timeout");
        }
        if (e instanceof HttpTimeoutException) {
            return Delivery.retry(0, null, "timeout: " + target.name() + " gave no answer within "
                    + target.timeout());
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return Delivery.retry(0, null, "connection to " + target.name() + " at " + target.endpoint()
                    + " refused or unreachable");
        }
        return Delivery.retry(0, null, "I/O error delivering to " + target.name() + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    /** HTTP statuses after which the same request may succeed later. */
    static boolean isTransient(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /** Collects a response body up to {@value #MAX_RESPONSE_BYTES} bytes; a longer one fails the exchange. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + item.remaining() > MAX_RESPONSE_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("response body larger than "
                            + MAX_RESPONSE_BYTES + " bytes"));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
