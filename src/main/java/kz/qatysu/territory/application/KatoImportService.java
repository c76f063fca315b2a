package kz.qatysu.territory.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Reader;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.territory.domain.KatoEdition;
import kz.qatysu.territory.domain.Territory;

/**
 * Imports an edition of the KATO classifier: all rows are checked first, then every unit is created or revised in
 * one transaction, parents before children. Units missing from a newer edition are kept (citizens and rounds may
 * still refer to them) and keep the edition they came from.
 */
@Stateless
public class KatoImportService {

    /** What an import did. */
    public record ImportSummary(String edition, KatoFileParser.Layout layout, int units, int created, int revised) {
    }

    @Inject
    private TerritoryRepository territories;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    @RolesAllowed(Roles.ADMIN)
    public ImportSummary importFile(Reader file, String editionName, String source) {
        return importEdition(file, editionName, source);
    }

    /** Reference data shipped with the platform, loaded at start-up by the system itself. */
    @PermitAll
    public ImportSummary importBundled(Reader file, String editionName, String source) {
        return importEdition(file, editionName, source);
    }

    private ImportSummary importEdition(Reader file, String editionName, String source) {
        if (editionName == null || editionName.isBlank() || editionName.length() > 100) {
            throw new KatoImportException(List.of(new KatoImportException.Problem(0, "kato.import.edition-name", "")));
        }
        if (territories.findEdition(editionName.strip()).isPresent()) {
            throw new KatoImportException(List.of(new KatoImportException.Problem(0, "kato.import.edition-exists", "")));
        }
        KatoFileParser.Result result = new KatoFileParser().parse(file);
        KatoEdition edition = new KatoEdition(editionName, source == null ? "upload" : source,
                result.layout().name(), clock.instant(), result.rows().size());
        territories.add(edition);

        Map<String, KatoFileParser.Row> byCode = new HashMap<>();
        result.rows().forEach(row -> byCode.put(row.code().value(), row));
        Map<String, Territory> done = new HashMap<>();
        int[] counts = new int[2];
        for (KatoFileParser.Row row : result.rows()) {
            upsert(row, byCode, done, edition, counts, 0);
        }
        logger.log(Level.INFO, "KATO edition {0} imported: {1} units ({2} new, {3} revised)",
                new Object[]{edition.getName(), result.rows().size(), counts[0], counts[1]});
        return new ImportSummary(edition.getName(), result.layout(), result.rows().size(), counts[0], counts[1]);
    }

    private Territory upsert(KatoFileParser.Row row, Map<String, KatoFileParser.Row> byCode, Map<String, Territory> done,
                             KatoEdition edition, int[] counts, int depth) {
        Territory existing = done.get(row.code().value());
        if (existing != null) {
            return existing;
        }
        if (depth > 10) {
            throw new KatoImportException(List.of(new KatoImportException.Problem(row.line(), "kato.import.cycle", row.code().value())));
        }
        Territory parent = row.parent() == null ? null
                : upsert(byCode.get(row.parent().value()), byCode, done, edition, counts, depth + 1);
        Territory territory = territories.find(row.code()).orElse(null);
        if (territory == null) {
            territory = new Territory(row.code(), parent, row.level(), row.nameKk(), row.nameRu(), row.nameEn(), edition);
            territories.add(territory);
            counts[0]++;
        } else {
            territory.revise(parent, row.level(), row.nameKk(), row.nameRu(), row.nameEn(), edition);
            counts[1]++;
        }
        done.put(row.code().value(), territory);
        return territory;
    }
}
