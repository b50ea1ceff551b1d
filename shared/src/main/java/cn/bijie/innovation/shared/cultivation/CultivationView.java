package cn.bijie.innovation.shared.cultivation;

import java.util.List;

/** {@code GET /organizations/{uscc}/cultivation}: pool memberships, coaching given, and the readiness checklist. */
public record CultivationView(String uscc, List<PoolEntry> pool, List<CoachingRecord> coaching,
        List<ChecklistItem> checklist, String checklistSource) {

    public record ChecklistItem(String code, String name, boolean met) {}

    /** The items still lacking, in the checklist's order. */
    public List<ChecklistItem> lacking() {
        return checklist.stream().filter(i -> !i.met()).toList();
    }
}
