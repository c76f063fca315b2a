package kz.qatysu.allocation.pabulib;

/** A {@code .pb} file that cannot be read: carries the 1-based line number and what is wrong there. */
public class PabulibFormatException extends Exception {

    private final int line;
    private final String problem;

    public PabulibFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** 1-based line number of the offending record (the last line for problems found at the end of the file). */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
