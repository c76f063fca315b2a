package kz.qatysu.monitoring.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.qatysu.monitoring.application.ImplementationRow;
import kz.qatysu.monitoring.application.ImplementationService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code /staff/implementation.xhtml}: the funded projects of the caller's territory, overdue ones first and flagged,
 * a page at a time from {@link ImplementationService#funded}, which limits them to the caller's scope.
 */
@Named
@ViewScoped
public class ImplementationListBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ImplementationService implementations;

    private LazyDataModel<ImplementationRow> projects;

    @PostConstruct
    void init() {
        projects = new FundedModel(implementations);
    }

    public LazyDataModel<ImplementationRow> getProjects() {
        return projects;
    }

    /** Pages of the caller's funded projects; the service clamps the page size. */
    static final class FundedModel extends LazyDataModel<ImplementationRow> {
        private static final long serialVersionUID = 1L;

        private final ImplementationService implementations;

        FundedModel(ImplementationService implementations) {
            this.implementations = implementations;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(implementations.funded(0, 1).total());
        }

        @Override
        public List<ImplementationRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                            Map<String, FilterMeta> filterBy) {
            ImplementationService.Page page = implementations.funded(first, pageSize);
            setRowCount(Math.toIntExact(page.total()));
            return page.rows();
        }

        @Override
        public String getRowKey(ImplementationRow row) {
            return Long.toString(row.proposalId());
        }

        @Override
        public ImplementationRow getRowData(String rowKey) {
            return null; // rows are not selectable
        }
    }
}
