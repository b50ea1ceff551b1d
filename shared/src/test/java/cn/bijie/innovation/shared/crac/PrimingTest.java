package cn.bijie.innovation.shared.crac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiRequest;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.uscc.Uscc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void primeAll_runsEveryRegisteredAction_likeTheCheckpointWould() {
        AtomicInteger runs = new AtomicInteger();
        Priming.register("counter", runs::incrementAndGet);

        int ran = Priming.primeAll();

        assertThat(runs).hasValue(1);
        assertThat(ran).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailingAction_isLoggedNotThrown_soTheSnapshotStillHappens() {
        AtomicInteger after = new AtomicInteger();
        Priming.register("broken", () -> {
            throw new IllegalStateException("no table");
        });
        Priming.register("after the broken one", after::incrementAndGet);

        assertThatCode(Priming::primeAll).doesNotThrowAnyException();
        assertThat(after).hasValue(1);
    }

    @Test
    void registerHttpApi_servesEachRequestThroughTheHandlersOwnRoutes() {
        List<ApiRequest> served = new CopyOnWriteArrayList<>();
        HttpApi api = new HttpApi(Map.of("GET /things/{id}", request -> {
            served.add(request);
            return ApiResponse.json(200, Map.of());
        }));
        Priming.register(api, ApiEvent.of("GET /things/{id}").path("id", "none").caller("priming", null, Role.STAFF));

        Priming.primeAll();

        assertThat(served).isNotEmpty().allSatisfy(request -> {
            assertThat(request.path("id")).isEqualTo("none");
            assertThat(request.requireCaller().has(Role.STAFF)).isTrue();
        });
    }

    @Test
    void noSuchUscc_passesValidation_soThePrimingReadReachesTheStore() {
        assertThat(Uscc.isValid(Priming.NO_SUCH_USCC)).isTrue();
    }

    @Test
    void noSuchId_isWellFormed_soThePrimingReadReachesTheStore() {
        assertThat(SortableId.isWellFormed(Priming.NO_SUCH_ID)).isTrue();
    }
}
