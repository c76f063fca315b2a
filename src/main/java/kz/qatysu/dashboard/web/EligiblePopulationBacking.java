package kz.qatysu.dashboard.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import kz.qatysu.dashboard.application.EligiblePopulationRejected;
import kz.qatysu.dashboard.application.EligiblePopulationService;
import kz.qatysu.platform.faces.Messages;
import org.primefaces.model.file.UploadedFile;

/** The operator's upload of eligible residents per KATO unit, on the dashboard page. */
@Named
@RequestScoped
public class EligiblePopulationBacking {

    /** Far more than the classifier's ~10,000 lines of {@code kato,count,date}. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    @EJB
    private EligiblePopulationService service;
    @Inject
    private Messages messages;

    private UploadedFile file;

    public String upload() {
        if (file == null || file.getSize() == 0) {
            messages.error("eligibleFile", "dashboard.eligible.no-file");
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            messages.error("eligibleFile", "dashboard.eligible.too-large");
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            EligiblePopulationService.Loaded loaded = service.load(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), "upload");
            messages.flashInfo("dashboard.eligible.done", loaded.units(), loaded.created(), loaded.replaced());
            return "/staff/dashboard?faces-redirect=true";
        } catch (EligiblePopulationRejected e) {
            e.problems().stream().limit(50).forEach(p -> messages.error(null, "dashboard.eligible.problem", p.line(),
                    messages.text(p.messageKey(), p.detail())));
            return null;
        } catch (IOException e) {
            messages.error("eligibleFile", "dashboard.eligible.unreadable");
            return null;
        }
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
