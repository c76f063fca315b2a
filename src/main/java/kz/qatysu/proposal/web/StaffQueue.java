package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.proposal.application.ProposalDecisions;
import kz.qatysu.proposal.application.ProposalDecisions.QueueItem;
import kz.qatysu.proposal.domain.ProposalStatus;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * What the moderation and review queues share: one tab per status from a fixed list (the {@code status} view
 * parameter picks one, anything else means the first), the count of each tab and the proposals of the chosen one,
 * a page at a time from {@link ProposalDecisions#queue}, which limits them to the caller's territorial scope.
 */
public abstract class StaffQueue implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ProposalDecisions decisions;
    @Inject
    private FacesActions actions;

    private String status;
    private ProposalStatus current;
    private Map<ProposalStatus, Long> counts = Map.of();
    private LazyDataModel<QueueItem> proposals;

    /** The tabs of this queue, the default first. */
    public abstract List<ProposalStatus> getStatuses();

    /** The view action: picks the tab and prepares its lazy model. */
    public void load() {
        current = getStatuses().stream().filter(s -> s.name().equals(status)).findFirst()
                .orElse(getStatuses().getFirst());
        status = current.name();
        Map<ProposalStatus, Long> found = actions.attempt(null, decisions::counts);
        counts = found == null ? Map.of() : found;
        proposals = new QueueModel(decisions, current);
    }

    public long count(ProposalStatus s) {
        return counts.getOrDefault(s, 0L);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public ProposalStatus getCurrent() {
        return current;
    }

    public LazyDataModel<QueueItem> getProposals() {
        return proposals;
    }

    /** Pages of one status of the caller's scope; the service clamps the page size. */
    static final class QueueModel extends LazyDataModel<QueueItem> {
        private static final long serialVersionUID = 1L;

        private final ProposalDecisions decisions;
        private final ProposalStatus status;

        QueueModel(ProposalDecisions decisions, ProposalStatus status) {
            this.decisions = decisions;
            this.status = status;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(decisions.queue(status, 0, 1).total());
        }

        @Override
        public List<QueueItem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            ProposalDecisions.Queue page = decisions.queue(status, first, pageSize);
            setRowCount(Math.toIntExact(page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(QueueItem item) {
            return Long.toString(item.id());
        }

        @Override
        public QueueItem getRowData(String rowKey) {
            return null; // rows are not selectable
        }
    }
}
