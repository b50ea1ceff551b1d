package cn.bijie.innovation.shared.application;

import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.platform.Platform;
import java.util.Map;
import java.util.Optional;

/** Where applications live. Every write is one transaction with its audit entry and idempotency record. */
public interface ApplicationStore {
    Optional<Application> find(String applicationId);

    /**
     * The applicant's profile (its county goes on the application) and, read together with it, the stored response
     * of {@code key} if that key was used before.
     */
    Prior<Organization> organization(String uscc, IdempotencyKey key);

    /** The application before a change, and the stored response of {@code key} if that key was used before. */
    Prior<Application> application(String applicationId, IdempotencyKey key);

    /** The organisation's platform {@code platformId} (one read; another organisation's is not found). */
    Optional<Platform> platform(String uscc, String platformId);

    /**
     * Stores a new application and counts it open for its organisation; fails with a {@code Conflict} if the profile
     * disappeared meanwhile or the organisation has {@code maxOpen} open applications already.
     */
    PendingWrite create(Application application, int maxOpen, String actor);

    /**
     * Moves {@code before} to {@code after}, only if the stored application is still {@code before}; otherwise a
     * {@code Conflict} and nothing changes. A change that closes it counts it closed for its organisation.
     */
    PendingWrite change(Application before, Application after, String action, String actor);

    /** Up to {@code limit} of the query's applications after {@code start} (null: from the newest). */
    Slice<Application> list(ApplicationQuery query, int limit, Map<String, String> start);
}
