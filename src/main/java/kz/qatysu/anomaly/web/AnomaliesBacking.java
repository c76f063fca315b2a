package kz.qatysu.anomaly.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.anomaly.application.AnomalyReport;
import kz.qatysu.anomaly.application.AnomalyReport.Flag;
import kz.qatysu.platform.faces.Formats;
import kz.qatysu.platform.faces.Messages;

/** {@code /staff/anomalies.xhtml}: the flags of the caller's territory, each explained in words. */
@Named
@RequestScoped
public class AnomaliesBacking {

    @EJB
    private AnomalyReport report;
    @Inject
    private Messages messages;
    @Inject
    private Formats formats;

    private List<Flag> flags = List.of();

    /** View action. */
    public void load() {
        flags = report.flags();
    }

    public List<Flag> getFlags() {
        return flags;
    }

    /** What the flag says, in the page's language. */
    public String explanation(Flag flag) {
        return messages.text("anomaly.explain." + flag.kind().name(), flag.observed(), flag.expected(), flag.subject(),
                formats.dateTime(flag.from()), formats.dateTime(flag.to()));
    }
}
