package kz.qatysu.platform.api;

/**
 * A refusal of an API request with a stable problem code and an i18n message key; mapped to a problem document by
 * {@link ProblemMappers}.
 */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String messageKey;
    private final transient Object[] args;

    public ApiProblem(int status, String code, String messageKey, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public static ApiProblem badParameter(String name) {
        return new ApiProblem(400, "invalid-parameter", "api.problem.invalid-parameter", name);
    }

    public static ApiProblem notFound() {
        return new ApiProblem(404, "not-found", "api.problem.not-found");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
