package kz.qatysu.proposal.attachment.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import kz.qatysu.proposal.attachment.domain.ProposalAttachment;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory that holds attachment bytes, outside the web application ({@code qatysu.attachments.dir}, default
 * {@code ~/.qatysu/attachments}). Files are named by random 256-bit keys (the upload's name never reaches the file
 * system), fanned out by the key's first two hex digits, readable only by the server's user, and appear only by an
 * atomic move of a fully written file. Storing and deleting follow the database transaction: a file stored in a
 * transaction that rolls back is deleted again, and a file is deleted only once the removal of its row committed.
 *
 * <pre>
 * attachments/
 * ├── incoming/   uploads being received and checked (removed when the request ends)
 * └── files/ab/ab12…   stored files
 * </pre>
 */
@ApplicationScoped
public class AttachmentStore {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "qatysu.attachments.dir")
    Optional<String> configuredDirectory;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Inject
    Logger logger;

    private Path incoming;
    private Path files;

    @PostConstruct
    void init() {
        Path root = configuredDirectory.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".qatysu", "attachments"))
                .toAbsolutePath().normalize();
        incoming = root.resolve("incoming");
        files = root.resolve("files");
        try {
            createPrivateDirectories(incoming);
            createPrivateDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the attachment store in " + root, e);
        }
        discardStaleUploads();
        logger.log(Level.INFO, "Attachment store in {0}", root);
    }

    /** Uploads left in {@code incoming/} by a server that stopped in the middle of a request. */
    private void discardStaleUploads() {
        Instant before = Instant.now().minus(1, ChronoUnit.HOURS);
        try (Stream<Path> leftovers = Files.list(incoming)) {
            leftovers.filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(this::discard);
        } catch (IOException e) {
            logger.log(Level.WARNING, "Could not list {0}: {1}", new Object[]{incoming, e.getMessage()});
        }
    }

    /** A new empty file for receiving an upload; the caller deletes it when done. */
    public Path newIncomingFile() {
        try {
            return POSIX
                    ? Files.createTempFile(incoming, "upload-", ".part", privateFile())
                    : Files.createTempFile(incoming, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves a checked file into the store under a new key, and arranges for it to be deleted again if the current
     * transaction does not commit — so a refused or failed attachment leaves no file that no row refers to.
     *
     * @return the storage key
     */
    public String keep(Path checkedFile) {
        String key = HexFormat.of().formatHex(randomBytes());
        Path target = path(key);
        try {
            createPrivateDirectories(target.getParent());
            Files.move(checkedFile, target, StandardCopyOption.ATOMIC_MOVE);
            if (POSIX) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transactions.registerInterposedSynchronization(afterCompletion(key, false));
        return key;
    }

    /** Deletes the file once the current transaction has committed (the row that referred to it is gone then). */
    public void deleteAfterCommit(String key) {
        path(key); // refuses a malformed key now rather than after the commit
        transactions.registerInterposedSynchronization(afterCompletion(key, true));
    }

    /** Where the file of a key lies; only well-formed keys resolve, so nothing can point outside the store. */
    public Path path(String key) {
        if (key == null || !ProposalAttachment.STORAGE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return files.resolve(key.substring(0, 2)).resolve(key);
    }

    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    /** Deletes a temporary file quietly (a request's incoming file). */
    public void discard(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            logger.log(Level.WARNING, "Could not delete {0}: {1}", new Object[]{file, e.getMessage()});
        }
    }

    private Synchronization afterCompletion(String key, boolean onCommit) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: files change only after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == onCommit) {
                    delete(key);
                }
            }
        };
    }

    private void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            logger.log(Level.WARNING, "Could not delete attachment file {0}: {1}", new Object[]{key, e.getMessage()});
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static FileAttribute<?> privateFile() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
