package kz.qatysu.citizen.domain;

/** Sex as encoded in the 7th digit of the IIN. */
public enum Sex {
    MALE("M"), FEMALE("F");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** One-letter code stored in the database and used in open data (Pabulib {@code M}/{@code F}). */
    public String code() {
        return code;
    }

    public static Sex ofCode(String code) {
        for (Sex sex : values()) {
            if (sex.code.equals(code)) {
                return sex;
            }
        }
        throw new IllegalArgumentException("Unknown sex code");
    }
}
