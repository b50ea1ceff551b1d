package cn.bijie.innovation.functions.organizations;

import static cn.bijie.innovation.functions.organizations.DirectoryIT.counter;
import static cn.bijie.innovation.functions.organizations.DirectoryIT.newUscc;
import static cn.bijie.innovation.functions.organizations.DirectoryIT.profile;
import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two staff change one organisation's tier at the same moment: one 200, one 409, one step of history (issue 17). */
class TierRaceIT {
    static final String PUT = "PUT /organizations/{uscc}";
    static final String TIER = "PUT /organizations/{uscc}/tier";
    static final String TIERS = "GET /organizations/{uscc}/tiers";
    static final int ROUNDS = 6;

    static OrganizationsHandler handler;
    static ExecutorService threads;

    @BeforeAll
    static void wire() {
        DirectoryIT.wire();
        handler = new OrganizationsHandler(TestStack.shared().environment("OrganizationsFunction"));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void twoSimultaneousChangesToDifferentTiers_oneIs200_theOther409_andTheHistoryHoldsOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            race("SEED", "LITTLE_GIANT_GROWING");
        }
    }

    @Test
    void twoSimultaneousChangesToTheSameTier_oneIs200_theOther409_andTheHistoryHoldsOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            race("SEED", "SEED");
        }
    }

    private static void race(String first, String second) throws Exception {
        String uscc = newUscc();
        assertThat(invoke(handler, event(PUT, Claims.of("staff"), profile("毕节并发梯队科技有限公司", "520502",
                "NEW_MATERIALS"), uscc)).status()).isEqualTo(200);
        long seeds = counter("TIER#SEED", "organizations");
        long growing = counter("TIER#LITTLE_GIANT_GROWING", "organizations");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Answer>> answers = new ArrayList<>();
        for (String tier : List.of(first, second)) {
            answers.add(threads.submit(() -> {
                start.await();
                return invoke(handler, event(TIER, Claims.of("staff"),
                        "{\"tier\":\"" + tier + "\",\"effectiveOn\":\"2026-11-01\",\"reason\":\"年度梯队认定\"}", uscc));
            }));
        }
        List<Answer> done = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            done.add(answer.get());
        }

        assertThat(done).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
        Answer won = done.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        Answer lost = done.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(lost.errorCode()).isEqualTo("CONFLICT");
        String tier = won.body().path("growthTier").asText();
        Answer history = invoke(handler, event(TIERS, Claims.of("staff"), null, uscc));
        assertThat(history.body().path("items")).singleElement()
                .satisfies(step -> assertThat(step.path("tier").asText()).isEqualTo(tier));
        Answer profile = invoke(handler, event("GET /organizations/{uscc}", Claims.of("staff"), null, uscc));
        assertThat(profile.body().path("growthTier").asText()).isEqualTo(tier);
        // the statistics moved once: the loser's transaction left nothing
        assertThat(counter("TIER#SEED", "organizations") + counter("TIER#LITTLE_GIANT_GROWING", "organizations"))
                .isEqualTo(seeds + growing + 1);
    }
}
