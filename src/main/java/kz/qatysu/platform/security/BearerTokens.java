package kz.qatysu.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.qatysu.platform.identity.IdentificationNumbers;

/**
 * Verifies the bearer tokens of the mobile API: an RS256 signature by a key of the realm's JWK set, the realm as
 * issuer, the API among the audiences, the mobile client as authorised party, an access token ({@code typ}
 * Bearer), not expired and already valid (one minute of clock skew), with the caller's name — for a citizen, twelve
 * digits equal to the {@code iin} claim (the caller is found by that name). Anything else is refused with a reason
 * for the log, never for the client.
 */
public final class BearerTokens {

    /** A verified caller: the login name (the IIN for citizens), realm roles, and the identity claims. */
    public record Caller(String name, Set<String> groups, Map<String, Object> claims) {

        public String claim(String name) {
            Object value = claims.get(name);
            return value instanceof String s ? s : null;
        }
    }

    /** A token that does not prove who the caller is. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public BearerTokens(String issuer, String audience, String authorisedParty, JWKSource<SecurityContext> keys) {
        Objects.requireNonNull(issuer, "issuer");
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).claim("azp", authorisedParty).claim("typ", "Bearer").build(),
                Set.of("sub", "exp", "iat", "preferred_username"), null));
    }

    public Caller verify(String token) throws Invalid {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            List<String> groups = claims.getStringListClaim("groups");
            String name = claims.getStringClaim("preferred_username");
            if (groups != null && groups.contains(Roles.CITIZEN)
                    && (IdentificationNumbers.digits(name) == null || !name.equals(claims.getStringClaim("iin")))) {
                throw new Invalid("citizen token whose name is not its IIN", null);
            }
            return new Caller(name, groups == null ? Set.of() : Set.copyOf(groups), claims.getClaims());
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new Invalid(e.getMessage(), e);
        }
    }
}
