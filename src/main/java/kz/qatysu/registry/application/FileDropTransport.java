package kz.qatysu.registry.application;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import kz.qatysu.platform.signing.DetachedJws;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;

/**
 * Writes the body to {@code <dir>/<registry>/<round>-v<version>-<key>.json} and its detached JWS beside it
 * ({@code .jws}), each through a hidden temporary file in the same directory, flushed to disk and moved into place
 * atomically; the JSON comes last, so a collector that sees it finds the signature too. A JSON file already there
 * for the key means the message was dropped before: delivered, nothing written. The drop directory itself must
 * exist (a missing mount is a retry, not a new empty directory); the registry's subdirectory is created.
 */
public class FileDropTransport implements RegistryTransport {

    private final SigningKeys keys;

    public FileDropTransport(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Delivery deliver(OutboundMessage message, RegistryTarget target) {
        if (target.kind() != TransportKind.FILE_DROP) {
            throw new IllegalArgumentException("Registry " + target.name() + " is reached by " + target.kind());
        }
        Path drop = Path.of(target.endpoint());
        if (!Files.isDirectory(drop)) {
            return Delivery.retry(0, null, "drop directory " + drop + " of " + target.name() + " is missing");
        }
        Path dir = drop.resolve(target.name());
        String name = message.roundId() + "-v" + message.version() + "-" + message.idempotencyKey();
        Path json = dir.resolve(name + ".json");
        if (Files.exists(json)) {
            return Delivery.delivered(0, null, "already dropped as " + json);
        }
        byte[] body = message.body();
        String signature;
        try {
            signature = DetachedJws.sign(body, keys);
        } catch (IllegalStateException e) {
            return Delivery.retry(0, null, "not sent, it could not be signed: " + e.getMessage());
        }
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(name + ".jws"), signature.getBytes(StandardCharsets.US_ASCII));
            writeAtomically(json, body);
            return Delivery.delivered(0, null, "dropped as " + json);
        } catch (IOException e) {
            return Delivery.retry(0, null, "could not write to " + dir + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        // Not Files.createTempFile: its owner-only permissions would hide the file from the registry's collector
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the drop directory does not support atomic moves", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
