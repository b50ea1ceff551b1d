package cn.bijie.innovation.shared.certification;

/**
 * The body of {@code POST /organizations/{uscc}/platforms/{platformId}/merge}: the platform of the path turned out to
 * be the same as {@code into} (another platform of the organisation, of the same kind family); {@code reason} says why.
 */
public record MergeInput(String into, String reason) {}
