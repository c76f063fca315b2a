package kz.qatysu.citizen.application;

/**
 * What the identity provider (through Keycloak) says about a person, exactly as received: nothing is trusted before
 * {@link CitizenService#signIn} has validated it.
 */
public record IdentityClaims(String iin, String surname, String givenName, String patronymic, String birthdate,
                             String kato) {

    @Override
    public String toString() {
        // Personal data: never print the claims themselves.
        return "IdentityClaims[iin=" + kz.qatysu.citizen.domain.Iin.mask(iin) + "]";
    }
}
