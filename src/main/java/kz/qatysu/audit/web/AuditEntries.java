package kz.qatysu.audit.web;

import java.util.List;
import java.util.Map;
import kz.qatysu.audit.application.AuditLog;
import kz.qatysu.audit.application.AuditLog.EntryView;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log page by page, newest first, under the page's filter (the table's own sort and filters are unused). */
public class AuditEntries extends LazyDataModel<EntryView> {
    private static final long serialVersionUID = 1L;

    private final AuditLog log;
    private final AuditLog.Filter filter;
    private List<EntryView> page = List.of();

    AuditEntries(AuditLog log, AuditLog.Filter filter) {
        this.log = log;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, log.page(filter, 0, 1).total());
    }

    @Override
    public List<EntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        AuditLog.EntryPage result = log.page(filter, first, pageSize);
        setRowCount((int) Math.min(Integer.MAX_VALUE, result.total()));
        page = result.items();
        return page;
    }

    @Override
    public String getRowKey(EntryView entry) {
        return String.valueOf(entry.sequence());
    }

    @Override
    public EntryView getRowData(String rowKey) {
        return page.stream().filter(e -> String.valueOf(e.sequence()).equals(rowKey)).findFirst().orElse(null);
    }
}
