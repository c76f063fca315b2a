package kz.qatysu.voting.domain;

/** How a ballot reached the platform. Every channel counts once per person: a later ballot replaces an earlier one. */
public enum Channel {
    /** The portal's ballot page. */
    WEB,
    /** The mobile API, with a bearer token of the mobile application. */
    MOBILE,
    /** A paper ballot cast at the akimat, entered twice by akimat staff. */
    PAPER,
    /** A paper ballot cast at a local community meeting (сход) held during voting, entered twice by akimat staff. */
    MEETING;

    /** Whether staff enter ballots of this channel (paper at the akimat or at a meeting), never the voter. */
    public boolean enteredByStaff() {
        return this == PAPER || this == MEETING;
    }
}
