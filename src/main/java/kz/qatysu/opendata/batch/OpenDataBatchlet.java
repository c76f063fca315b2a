package kz.qatysu.opendata.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qatysu.opendata.application.OpenDataExport;

/** The nightly-open-data job: exports every counted round (results, protocol, anonymised ballots). */
@Named("exportOpenData")
@Dependent
public class OpenDataBatchlet extends AbstractBatchlet {

    @Inject
    private OpenDataExport export;

    @Override
    public String process() {
        return "EXPORTED " + export.exportAll().size();
    }
}
