package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.cultivation.ApplicationWindow;
import cn.bijie.innovation.shared.cultivation.Recognition;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the cultivation reads of the table's stream: a certification's record, by the certification mapper's attribute
 * names, and an application window opened.
 */
public final class CultivationStreamImages {
    private CultivationStreamImages() {}

    /** A certification recorded ACTIVE (an {@code INSERT}). */
    public static Optional<Recognition> recorded(String eventName, Map<String, AttributeValue> newImage) {
        if (!"INSERT".equals(eventName) || !isCertification(newImage) || !active(newImage)) {
            return Optional.empty();
        }
        return Optional.of(new Recognition(Items.str(newImage, CertificationMapper.CERTIFICATION_ID),
                Items.str(newImage, CertificationMapper.USCC), Items.str(newImage, CertificationMapper.KIND),
                Items.str(newImage, CertificationMapper.LEVEL), Items.str(newImage, CertificationMapper.ISSUED_ON)));
    }

    /** The organisation of a certification that stopped being ACTIVE (a {@code MODIFY}). */
    public static Optional<String> deactivated(String eventName, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        if (!"MODIFY".equals(eventName) || !isCertification(newImage) || !active(oldImage) || active(newImage)) {
            return Optional.empty();
        }
        return Optional.of(Items.str(newImage, CertificationMapper.USCC));
    }

    /** An application window opened (an {@code INSERT}): the pool is to be mailed. */
    public static Optional<ApplicationWindow> windowOpened(String eventName, Map<String, AttributeValue> newImage) {
        if (!"INSERT".equals(eventName) || !CultivationMapper.WINDOW_TYPE.equals(Items.str(newImage, "type"))) {
            return Optional.empty();
        }
        return Optional.of(CultivationMapper.window(newImage));
    }

    private static boolean isCertification(Map<String, AttributeValue> image) {
        return CertificationMapper.TYPE.equals(Items.str(image, "type"));
    }

    private static boolean active(Map<String, AttributeValue> image) {
        return CertificationStatus.ACTIVE.name().equals(Items.str(image, CertificationMapper.STATUS));
    }
}
