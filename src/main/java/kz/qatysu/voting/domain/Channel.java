package kz.qatysu.voting.domain;

/** How a ballot reached the platform. Every channel counts once per person: a later ballot replaces an earlier one. */
public enum Channel {
    /** The portal's ballot page. */
    WEB,
    /** The mobile API, with a bearer token of the mobile application. */
    MOBILE,
    /** A paper ballot entered twice by akimat staff. */
    PAPER
}
