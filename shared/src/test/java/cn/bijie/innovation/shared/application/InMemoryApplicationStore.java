package cn.bijie.innovation.shared.application;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.Answer;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.Prior;
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
    public final Map<String, cn.bijie.innovation.shared.platform.Platform> platforms = new HashMap<>();
    public int writes;

    @Override
    public Optional<cn.bijie.innovation.shared.platform.Platform> platform(String uscc, String platformId) {
        return Optional.ofNullable(platforms.get(uscc + "/" + platformId));
    }

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
    public PendingWrite create(Application application, int maxOpen, String actor) {
        return answer -> write(application, answer);
    }

    @Override
    public PendingWrite change(Application before, Application after, String action, String actor) {
        return answer -> {
            if (!applications.get(before.applicationId()).equals(before)) {
                throw new Conflict("changed");
            }
            return write(after, answer);
        };
    }

    private Committed write(Application application, Answer answer) {
        writes++;
        applications.put(application.applicationId(), application);
        if (answer.key() != null) {
            responses.put(answer.key().key(), new Committed(answer.status(), answer.bodyJson(), true));
        }
        return new Committed(answer.status(), answer.bodyJson(), false);
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
