package kz.qatysu.staff.domain;

import kz.qatysu.territory.domain.KatoCode;

/**
 * What part of the country a staff member may act on: everything (ministry analysts, operators), the subtree of one
 * KATO unit (akimat staff), or nothing (akimat staff without an assignment yet).
 */
public record StaffScope(Kind kind, KatoCode territory) {

    public enum Kind { ALL, SUBTREE, NONE }

    public static final StaffScope ALL = new StaffScope(Kind.ALL, null);
    public static final StaffScope NONE = new StaffScope(Kind.NONE, null);

    public StaffScope {
        if ((kind == Kind.SUBTREE) != (territory != null)) {
            throw new IllegalArgumentException("A subtree scope names its territory, and only it");
        }
    }

    public static StaffScope subtree(KatoCode territory) {
        return new StaffScope(Kind.SUBTREE, territory);
    }

    public boolean covers(KatoCode code) {
        return switch (kind) {
            case ALL -> true;
            case NONE -> false;
            case SUBTREE -> code.isWithin(territory);
        };
    }
}
