package kz.qatysu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules a mobile API bearer token must pass, each broken on its own. */
class BearerTokensTest {

    private static final String ISSUER = "http://localhost:8180/realms/qatysu";
    private static RSAKey realmKey;
    private static RSAKey strangerKey;
    private static BearerTokens tokens;

    @BeforeAll
    static void keys() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        tokens = new BearerTokens(ISSUER, "qatysu-api", "qatysu-mobile", new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
    }

    private static JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("6f1c").audience(List.of("qatysu-api", "account"))
                .claim("azp", "qatysu-mobile").claim("typ", "Bearer").claim("preferred_username", "800416100254")
                .claim("iin", "800416100254").claim("groups", List.of("citizen", "offline_access"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(change.apply(valid()).build(), realmKey);
    }

    @Test
    void aRealmSignedMobileAccessTokenNamesTheCitizen() throws Exception {
        BearerTokens.Caller caller = tokens.verify(token(b -> b));
        assertThat(caller.name()).isEqualTo("800416100254");
        assertThat(caller.groups()).contains("citizen");
        assertThat(caller.claim("iin")).isEqualTo("800416100254");
    }

    @Test
    void tokensOfAnotherIssuerAudienceClientOrKindAreRefused() {
        assertThatThrownBy(() -> tokens.verify(token(b -> b.issuer("http://localhost:8180/realms/egov"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.audience("account"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("azp", "qatysu-portal"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("typ", "ID"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("preferred_username", null))))
                .isInstanceOf(BearerTokens.Invalid.class);
    }

    @Test
    void aCitizensNameMustBeTheIinOfTheToken() {
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("preferred_username", "nurlan"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("preferred_username", "８００４１６１００２５４"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("iin", "871130200112"))))
                .isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.claim("iin", null))))
                .isInstanceOf(BearerTokens.Invalid.class);
    }

    @Test
    void aStaffTokenNamesTheStaffMemberWhoseRoleDecidesLater() throws Exception {
        BearerTokens.Caller caller = tokens.verify(token(b -> b.claim("preferred_username", "moderator.bostandyk")
                .claim("iin", null).claim("groups", List.of("moderator"))));
        assertThat(caller.name()).isEqualTo("moderator.bostandyk");
        assertThat(caller.groups()).containsExactly("moderator");
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> tokens.verify(token(b -> b.issueTime(Date.from(now.minusSeconds(900)))
                .expirationTime(Date.from(now.minusSeconds(120)))))).isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify(token(b -> b.notBeforeTime(Date.from(now.plusSeconds(600))))))
                .isInstanceOf(BearerTokens.Invalid.class);
    }

    @Test
    void forgedSignaturesAreRefused() throws Exception {
        assertThatThrownBy(() -> tokens.verify(sign(valid().build(), strangerKey))).isInstanceOf(BearerTokens.Invalid.class);
        String good = token(b -> b);
        String[] parts = good.split("\\.");
        String otherPayload = token(b -> b.claim("preferred_username", "871130200112")).split("\\.")[1];
        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + otherPayload + "." + parts[2]))
                .isInstanceOf(BearerTokens.Invalid.class);
        // alg "none"
        assertThatThrownBy(() -> tokens.verify(new PlainJWT(valid().build()).serialize()))
                .isInstanceOf(BearerTokens.Invalid.class);
        // HS256 keyed with the realm's public key (the classic algorithm confusion)
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), valid().build());
        byte[] secret = java.util.Arrays.copyOf(realmKey.toPublicJWK().toRSAPublicKey().getEncoded(), 64);
        hmac.sign(new MACSigner(secret));
        assertThatThrownBy(() -> tokens.verify(hmac.serialize())).isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify("not.a.token")).isInstanceOf(BearerTokens.Invalid.class);
        assertThatThrownBy(() -> tokens.verify("")).isInstanceOf(BearerTokens.Invalid.class);
    }
}
