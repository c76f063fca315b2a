package kz.qatysu.platform.api;

/** Strict parsing of the API's common query and path parameters; anything else is a 400 problem. */
public final class QueryParameters {

    public static final int MAX_PAGE_SIZE = 500;

    private QueryParameters() {
    }

    public static int page(String raw) {
        return (int) bounded(raw, "page", 0, 1_000_000);
    }

    public static int size(String raw) {
        return (int) bounded(raw, "size", 1, MAX_PAGE_SIZE);
    }

    public static long id(String raw) {
        return bounded(raw, "id", 1, Long.MAX_VALUE / 2);
    }

    private static long bounded(String raw, String name, long min, long max) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            throw ApiProblem.badParameter(name);
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw ApiProblem.badParameter(name);
        }
        return value;
    }
}
