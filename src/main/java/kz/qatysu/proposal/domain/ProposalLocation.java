package kz.qatysu.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.CleanText;

/** Where a project would be: an address in words and optionally a point (WGS 84 degrees). */
@Embeddable
public class ProposalLocation {

    public static final int MAX_ADDRESS_LENGTH = 500;

    @Column(name = "address_text", nullable = false, length = MAX_ADDRESS_LENGTH)
    private String address;

    @Column(name = "latitude")
    private Double latitude;

    @Column(name = "longitude")
    private Double longitude;

    protected ProposalLocation() {
        // for JPA
    }

    private ProposalLocation(String address, Double latitude, Double longitude) {
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    /** An address without coordinates. */
    public static ProposalLocation of(String address) {
        return of(address, null, null);
    }

    /**
     * An address with optional coordinates: both or neither, latitude in [-90, 90], longitude in [-180, 180].
     */
    public static ProposalLocation of(String address, Double latitude, Double longitude) {
        String cleaned = CleanText.required(address, MAX_ADDRESS_LENGTH, false, "proposal.error.address");
        if ((latitude == null) != (longitude == null)) {
            throw new DomainRuleViolation("proposal.error.coordinates-pair");
        }
        if (latitude != null && (!Double.isFinite(latitude) || !Double.isFinite(longitude)
                || latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw new DomainRuleViolation("proposal.error.coordinates-range");
        }
        return new ProposalLocation(cleaned, latitude, longitude);
    }

    public String address() {
        return address;
    }

    public Optional<Double> latitude() {
        return Optional.ofNullable(latitude);
    }

    public Optional<Double> longitude() {
        return Optional.ofNullable(longitude);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProposalLocation other && address.equals(other.address)
                && Objects.equals(latitude, other.latitude) && Objects.equals(longitude, other.longitude);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, latitude, longitude);
    }
}
