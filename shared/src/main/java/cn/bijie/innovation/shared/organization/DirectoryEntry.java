package cn.bijie.innovation.shared.organization;

import java.util.List;

/**
 * An organisation as the staff directory lists it: its profile's codes, the tier the bureau designated, the intake of
 * the reserve pool it is in (null: not in the pool) and the kinds of recognition it holds ACTIVE.
 */
public record DirectoryEntry(String uscc, String name, String county, String industry, String growthTier,
        Integer poolIntake, List<String> activeKinds) {}
