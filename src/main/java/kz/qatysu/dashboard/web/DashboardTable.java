package kz.qatysu.dashboard.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A dashboard table read page by page from the service (the table's own sort and filters are unused). */
public class DashboardTable<T> extends LazyDataModel<T> {
    private static final long serialVersionUID = 1L;

    /** Reads one page. */
    @FunctionalInterface
    public interface Pages<T> extends Serializable {
        List<T> page(int first, int pageSize);
    }

    /** Counts the lines. */
    @FunctionalInterface
    public interface Count extends Serializable {
        int count();
    }

    private final Pages<T> pages;
    private final Count count;
    private List<T> page = List.of();

    DashboardTable(Pages<T> pages, Count count) {
        this.pages = pages;
        this.count = count;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return count.count();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        page = pages.page(first, pageSize);
        return page;
    }

    @Override
    public String getRowKey(T line) {
        return String.valueOf(page.indexOf(line));
    }

    @Override
    public T getRowData(String rowKey) {
        int i = Integer.parseInt(rowKey);
        return i >= 0 && i < page.size() ? page.get(i) : null;
    }
}
