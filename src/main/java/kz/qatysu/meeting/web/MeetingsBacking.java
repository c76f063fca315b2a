package kz.qatysu.meeting.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.qatysu.meeting.application.MeetingForm;
import kz.qatysu.meeting.application.MeetingService;
import kz.qatysu.meeting.application.MeetingService.MeetingSummary;
import kz.qatysu.platform.faces.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Page {@code staff/meetings.xhtml}: the meetings of the caller's territory and the form to record one. */
@Named
@ViewScoped
public class MeetingsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String FORM = "recordForm";
    static final List<String> INPUTS = List.of("territoryCode", "heldOn", "place", "agenda", "quorumKind",
            "quorumValue", "eligibleResidents");

    @EJB
    private MeetingService meetings;
    @Inject
    private FormActions actions;
    @Inject
    private Messages messages;

    private final MeetingFormModel form = new MeetingFormModel();
    private final LazyDataModel<MeetingSummary> list = new MeetingList();
    private boolean loaded;

    /** View action: the form's defaults (the caller's territory, today, the configured quorum rule). */
    public void load() {
        if (loaded) {
            return;
        }
        MeetingForm blank = actions.attempt(FORM, INPUTS, () -> meetings.newForm());
        if (blank != null) {
            form.fill(blank);
            loaded = true;
        }
    }

    public String record() {
        Long id = actions.attempt(FORM, INPUTS, () -> meetings.record(form.toForm()));
        if (id == null) {
            return null;
        }
        messages.flashInfo("meeting.recorded");
        return "/staff/meeting?faces-redirect=true&id=" + id;
    }

    public MeetingFormModel getForm() {
        return form;
    }

    public LazyDataModel<MeetingSummary> getList() {
        return list;
    }

    /** The meetings of the caller's scope, a page at a time from the service. */
    private final class MeetingList extends LazyDataModel<MeetingSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, meetings.meetings(0, 1).total());
        }

        @Override
        public List<MeetingSummary> load(int first, int pageSize, Map<String, SortMeta> sort,
                                         Map<String, FilterMeta> filters) {
            MeetingService.MeetingPage page = meetings.meetings(first, pageSize);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(MeetingSummary row) {
            return Long.toString(row.id());
        }
    }
}
