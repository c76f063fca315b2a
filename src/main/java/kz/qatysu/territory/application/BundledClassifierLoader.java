package kz.qatysu.territory.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the classifier edition shipped with the platform when the database has none, so that a fresh installation
 * can resolve residents' territories at once. A deployment imports the full official file from the admin page.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class BundledClassifierLoader {

    public static final String RESOURCE = "/kato/kato-2025-sample.csv";
    public static final String EDITION = "KATO 2025 (sample of regions and city districts)";

    @EJB
    private KatoImportService importer;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Logger logger;
    @Inject
    @ConfigProperty(name = "qatysu.kato.load-bundled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled || territories.findEdition(EDITION).isPresent() || territories.count() > 0) {
            return;
        }
        try (InputStream in = BundledClassifierLoader.class.getResourceAsStream(RESOURCE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            KatoImportService.ImportSummary summary = importer.importBundled(reader, EDITION, "bundled:" + RESOURCE);
            logger.log(Level.INFO, "Bundled classifier loaded: {0} units", summary.units());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
