/**
 * The platform's signatures: the signing key and certificate ({@link kz.qatysu.platform.signing.SigningKeys}), XML
 * digital signatures of protocols and SOAP messages ({@link kz.qatysu.platform.signing.XmlSignatures}, Apache
 * Santuario), detached JSON Web Signatures of REST messages ({@link kz.qatysu.platform.signing.DetachedJws},
 * nimbus-jose-jwt) and hardened XML parsing ({@link kz.qatysu.platform.signing.SecureXml}). Cross-cutting, no
 * business rules.
 */
package kz.qatysu.platform.signing;
