package kz.qatysu.round.domain;

/**
 * What a round does with a paper ballot of a person who already voted on the web or in the mobile application. A
 * rule of the round: chosen before voting, frozen with the others.
 */
public enum PaperAfterOnline {
    /** The paper ballot is refused at entry; the online ballot stands (the default). */
    REFUSE,
    /** The paper ballot is entered and held for a moderator, who counts it (replacing the online one) or rejects it. */
    FLAG;

    public String messageKey() {
        return "round.paper-after-online." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
