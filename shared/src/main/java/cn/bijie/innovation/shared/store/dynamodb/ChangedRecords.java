package cn.bijie.innovation.shared.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record's images as the domain's records (an application, a certification, a subsidy, an objection): the only place a
 * stream consumer turns items into records, through their mappers.
 */
public final class ChangedRecords {
    private ChangedRecords() {}

    /** The record an image holds, or null when the image is empty or of a type not listed here. */
    public static Object record(Map<String, AttributeValue> image) {
        String type = Items.str(image, "type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case ApplicationMapper.TYPE -> ApplicationMapper.fromItem(image);
            case CertificationMapper.TYPE -> CertificationMapper.fromItem(image);
            case SubsidyMapper.TYPE -> SubsidyMapper.fromItem(image);
            case NoticeMapper.OBJECTION_TYPE -> NoticeMapper.objectionFromItem(image);
            default -> null;
        };
    }
}
