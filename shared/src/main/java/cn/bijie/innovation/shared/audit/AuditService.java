package cn.bijie.innovation.shared.audit;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading and verifying the audit trails: staff and supervisors read any record's; nobody writes here. */
public final class AuditService {
    /** A record's key as the table holds it, e.g. {@code SUB#<id>}, {@code APP#<id>}, {@code ORG#<uscc>}. */
    private static final Pattern ENTITY = Pattern.compile("[A-Z]{2,12}#[A-Za-z0-9._:#-]{1,200}");

    private final AuditStore store;
    private final PageToken tokens;

    public AuditService(AuditStore store, PageToken tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    /** {@code GET /audit?entity=…}: the record's changes, oldest first. */
    public Page<AuditView> list(Caller caller, String entity, String limit, String nextToken) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        requireEntity(entity);
        int pageSize = Page.limit(limit);
        String fingerprint = "GET /audit?entity=" + entity;
        Slice<StoredEntry> slice = store.list(entity, pageSize, tokens.open(nextToken, caller.sub(), fingerprint));
        return new Page<>(slice.items().stream().map(AuditService::view).toList(),
                tokens.issue(slice.lastKey(), caller.sub(), fingerprint));
    }

    /** {@code GET /audit/verify?entity=…}: one record's chain walked from its first entry. */
    public AuditReport verify(Caller caller, String entity) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        requireEntity(entity);
        ChainVerifier verifier = new ChainVerifier(entity);
        AuditStore.ChainHead head = store.walk(entity, verifier::next);
        List<ChainBreak> breaks = verifier.end(head.seq(), head.hash()).stream().toList();
        return new AuditReport(head.seq() == 0 && verifier.entries() == 0 ? 0 : 1, verifier.entries(),
                breaks.isEmpty(), breaks);
    }

    /**
     * Every chain of the table (the operators' direct invocation; it reads the whole table). Only the links are
     * kept in memory: an entry's own hash is checked as it is read.
     */
    public AuditReport verifyAll() {
        Map<String, List<Link>> chains = new HashMap<>();
        Map<String, AuditStore.ChainHead> heads = new HashMap<>();
        store.walkAll(e -> chains.computeIfAbsent(e.chain(), c -> new ArrayList<>())
                        .add(new Link(e.seq(), e.prevHash(), e.intact(), e.hash())),
                head -> heads.put(head.chain(), head));
        List<ChainBreak> breaks = new ArrayList<>();
        long entries = 0;
        List<String> names = new ArrayList<>(chains.keySet());
        heads.keySet().stream().filter(h -> !chains.containsKey(h)).forEach(names::add);
        names.sort(Comparator.naturalOrder());
        for (String chain : names) {
            ChainVerifier verifier = new ChainVerifier(chain);
            List<Link> links = chains.getOrDefault(chain, List.of());
            links.sort(Comparator.comparingLong(Link::seq));
            links.forEach(l -> verifier.next(l.seq(), l.prevHash(), l.intact(), l.hash()));
            entries += links.size();
            AuditStore.ChainHead head = heads.getOrDefault(chain, new AuditStore.ChainHead(chain, 0, null));
            verifier.end(head.seq(), head.hash()).ifPresent(breaks::add);
        }
        return new AuditReport(names.size(), entries, breaks.isEmpty(), breaks);
    }

    private static void requireEntity(String entity) {
        if (entity == null || !ENTITY.matcher(entity).matches()) {
            throw ValidationFailed.field("entity", "须为记录的键，如 SUB#<补助编号> (a record's key, e.g. SUB#<subsidyId>)");
        }
    }

    private static AuditView view(StoredEntry e) {
        return new AuditView(e.chain(), e.seq(), e.actor(), e.action(), e.at(), json(e.before()), json(e.after()),
                e.prevHash(), e.hash());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return text == null ? null : Json.tree(text);
    }

    private record Link(long seq, String prevHash, boolean intact, String hash) {}
}
