package kz.qatysu.territory.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.territory.application.KatoImportException;
import kz.qatysu.territory.application.KatoImportService;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoEdition;
import org.primefaces.model.file.UploadedFile;

/** Admin page: import an edition of the KATO classifier (the sample layout or the official file). */
@Named
@RequestScoped
public class KatoImportBacking {

    /** Larger than the full classifier (~10,000 rows, about 2 MB) by a wide margin. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    @EJB
    private KatoImportService importer;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Messages messages;

    private UploadedFile file;
    private String edition;
    private List<KatoEdition> editions;

    public String upload() {
        if (file == null || file.getSize() == 0) {
            messages.error("file", "kato.import.no-file");
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            messages.error("file", "kato.import.too-large");
            return null;
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            KatoImportService.ImportSummary summary = importer.importFile(reader, edition, "upload:" + safeName(file.getFileName()));
            messages.flashInfo("kato.import.done", summary.units(), summary.created(), summary.revised());
            return "/admin/kato?faces-redirect=true";
        } catch (KatoImportException e) {
            e.problems().stream().limit(50).forEach(p ->
                    messages.error(null, "kato.import.problem", p.line(), messages.text(p.messageKey(), p.detail())));
            if (e.problems().size() > 50) {
                messages.error(null, "kato.import.more-problems", e.problems().size() - 50);
            }
            return null;
        } catch (IOException e) {
            messages.error("file", "kato.import.unreadable");
            return null;
        }
    }

    private static String safeName(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return base.length() > 100 ? base.substring(0, 100) : base;
    }

    public List<KatoEdition> getEditions() {
        if (editions == null) {
            editions = territories.editions();
        }
        return editions;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getEdition() {
        return edition;
    }

    public void setEdition(String edition) {
        this.edition = edition;
    }
}
