package cn.bijie.innovation.shared.cultivation;

import java.util.Map;

/**
 * An enterprise in the reserve pool (高企培育库) for one intake: the criteria recorded, where it was counted when it
 * entered, and — once it is recognised as a high-tech enterprise — when and by which certification it converted.
 */
public record PoolEntry(String uscc, int intake, String name, Map<String, String> criteria, String county,
        String industry, String growthTier, String addedBy, String addedAt, String convertedOn,
        String certificationId) {

    public boolean converted() {
        return convertedOn != null;
    }
}
