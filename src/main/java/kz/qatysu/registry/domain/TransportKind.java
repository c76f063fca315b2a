package kz.qatysu.registry.domain;

/** How a registry is reached. */
public enum TransportKind {
    /** HTTP POST of the JSON notice with a detached JWS header. */
    REST_JWS,
    /** SOAP 1.2 envelope in the style of the e-government gateway, signed with XML-DSig. */
    SOAP,
    /** JSON file and its JWS written to a directory the registry collects from. */
    FILE_DROP
}
