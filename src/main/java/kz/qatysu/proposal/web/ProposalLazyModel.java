package kz.qatysu.proposal.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.qatysu.proposal.application.ProposalCatalog;
import kz.qatysu.proposal.application.ProposalCatalog.ProposalSummary;
import kz.qatysu.proposal.application.ProposalFilter;
import kz.qatysu.proposal.application.ProposalSort;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The public proposal list for a lazy {@code p:dataTable}: the database counts and pages (server-side sorting by the
 * column's {@code field}); the filter is fixed for the life of the view, as it comes from the URL.
 */
public class ProposalLazyModel extends LazyDataModel<ProposalSummary> {
    private static final long serialVersionUID = 1L;

    private final ProposalCatalog catalog;
    private final ProposalFilter filter;

    public ProposalLazyModel(ProposalCatalog catalog, ProposalFilter filter) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, catalog.count(filter));
    }

    @Override
    public List<ProposalSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
        int size = Math.clamp(pageSize, 1, ProposalCatalog.MAX_PAGE_SIZE);
        return catalog.page(filter, sort(sortBy), Math.max(0, first), size);
    }

    /** The first active sort of a known column; {@code null} for the default order. */
    static ProposalSort sort(Map<String, SortMeta> sortBy) {
        if (sortBy == null) {
            return null;
        }
        return sortBy.values().stream()
                .filter(m -> m.getOrder() != null && !m.getOrder().isUnsorted())
                .sorted()
                .flatMap(m -> ProposalSort.Field.of(m.getField()).stream()
                        .map(f -> new ProposalSort(f, m.getOrder() == SortOrder.ASCENDING)))
                .findFirst().orElse(null);
    }

    @Override
    public String getRowKey(ProposalSummary proposal) {
        return Long.toString(proposal.id());
    }

    @Override
    public ProposalSummary getRowData(String rowKey) {
        return getWrappedData() == null ? null : getWrappedData().stream()
                .filter(p -> getRowKey(p).equals(rowKey)).findFirst().orElse(null);
    }

    public ProposalFilter getFilter() {
        return filter;
    }
}
