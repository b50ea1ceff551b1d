package cn.bijie.innovation.shared.application;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fake of our own store port for the pure rules: maps instead of a table, replays by key. */
public final class InMemoryApplicationStore implements ApplicationStore {
    public final Map<String, Organization> organizations = new HashMap<>();
    public final Map<String, Application> applications = new HashMap<>();
    public final Map<String, Committed> responses = new HashMap<>();
    public int writes;

    @Override
    public Optional<Application> find(String applicationId) {
        return Optional.ofNullable(applications.get(applicationId));
    }

    @Override
    public Prior<Organization> organization(String uscc, IdempotencyKey key) {
        return new Prior<>(organizations.get(uscc), key == null ? null : responses.get(key.key()));
    }

    @Override
    public Prior<Application> application(String applicationId, IdempotencyKey key) {
        return new Prior<>(applications.get(applicationId), key == null ? null : responses.get(key.key()));
    }

    @Override
    public Committed create(Application application, String actor, IdempotencyKey key) {
        return write(application, 201, key);
    }

    @Override
    public Committed change(Application before, Application after, String action, String actor, IdempotencyKey key,
            int status) {
        if (!applications.get(before.applicationId()).equals(before)) {
            throw new Conflict("changed");
        }
        return write(after, status, key);
    }

    private Committed write(Application application, int status, IdempotencyKey key) {
        writes++;
        applications.put(application.applicationId(), application);
        Committed committed = new Committed(status, Json.write(application), false);
        if (key != null) {
            responses.put(key.key(), new Committed(status, committed.bodyJson(), true));
        }
        return committed;
    }

    @Override
    public Slice<Application> list(ApplicationQuery query, int limit, Map<String, String> start) {
        return new Slice<>(applications.values().stream()
                .filter(a -> query.uscc() == null || a.uscc().equals(query.uscc()))
                .filter(a -> query.status() == null || a.status() == query.status())
                .filter(a -> query.kind() == null || a.kind().equals(query.kind()))
                .filter(a -> query.county() == null || a.county().equals(query.county()))
                .sorted(Comparator.comparing(Application::submittedAt).reversed())
                .limit(limit).toList(), null);
    }
}
