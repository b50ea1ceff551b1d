package cn.bijie.innovation.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.application.ApplicationInput;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.application.ApplicationStore;
import cn.bijie.innovation.shared.certification.CertificationInput;
import cn.bijie.innovation.shared.certification.CertificationService;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.certification.DecisionInput;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.documents.DocumentInput;
import cn.bijie.innovation.shared.documents.DocumentService;
import cn.bijie.innovation.shared.documents.DocumentStorage;
import cn.bijie.innovation.shared.documents.DocumentStore;
import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.ParameterInput;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.PolicyService;
import cn.bijie.innovation.shared.subsidy.DisbursementInput;
import cn.bijie.innovation.shared.subsidy.SubsidyService;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import cn.bijie.innovation.shared.testing.TestStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every request body the API takes, parsed by {@link Json#read} and then checked by the service that owns it, with
 * arbitrary JSON: the answer is the value or a 4xx {@link DomainException} (mostly {@link ValidationFailed}) — never
 * a NullPointerException, a parse error of another kind, or anything that would become a 500.
 */
class RequestBodyPropertiesTest {
    static final String OWN = "91520500MA6DKQ5X35";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper PLAIN = new ObjectMapper();
    static final Caller APPLICANT = new Caller("u1", Set.of(Role.APPLICANT), OWN, "a@example.com");
    static final Caller STAFF = new Caller("s1", Set.of(Role.STAFF), null, "s@example.com");
    static final Caller FINANCE = new Caller("f1", Set.of(Role.FINANCE), null, "f@example.com");

    /** Values a generator would seldom hit by chance but that reach the deeper rules: codes, dates, sizes. */
    static final List<Object> PLAUSIBLE = List.of(OWN, "91520500MA6DKQ5X36", "HIGH_TECH_ENTERPRISE",
            "TECH_INNOVATION_CENTER", "NATIONAL", "PROVINCIAL", "MUNICIPAL", "2023-11-30", "2099-01-01", "2026-02-30",
            "520502", "NEW_MATERIALS", "SEED", "a@example.com", "application/pdf", "CERTIFICATE", "CERTIFIED",
            "REJECTED", "RETURNED", "FULL", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "../../etc/passwd",
            " ", "", "\u0000", "x".repeat(5000), 0, -1, 1, 20L * 1024 * 1024 + 1, Long.MAX_VALUE,
            new BigInteger("123456789012345678901234567890"), 1.5, true, false);

    /** A request type: its body class, a body that passes, and the service call that checks it. */
    record RequestType(String name, Class<?> type, Map<String, Object> valid, Consumer<Object> check) {
        List<String> fields() {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
    }

    static List<RequestType> allRequestTypes() {
        Policy policy = Policy.active();
        PageToken tokens = new PageToken("property-test-page-token-secret-0123456789");
        ApplicationService applications = new ApplicationService(beyondTheChecks(ApplicationStore.class), policy,
                new PageToken(TestStack.PAGE_TOKEN_SECRET),
                CLOCK);
        OrganizationService organizations = new OrganizationService(beyondTheChecks(OrganizationStore.class), policy,
                tokens, CLOCK);
        DocumentService documents = new DocumentService(applications, beyondTheChecks(DocumentStore.class),
                beyondTheChecks(DocumentStorage.class), CLOCK);
        CertificationService certifications = new CertificationService(beyondTheChecks(CertificationStore.class),
                beyondTheChecks(SubsidyStore.class), policy, tokens, CLOCK);
        SubsidyService subsidies = new SubsidyService(beyondTheChecks(SubsidyStore.class), tokens, CLOCK);
        PolicyService policyService = new PolicyService(policy, beyondTheChecks(PolicyParameterStore.class), CLOCK);
        String id = SortableId.next(CLOCK);
        return List.of(
                new RequestType("PUT /organizations/{uscc}", OrganizationInput.class,
                        Map.of("name", "毕节某科技有限公司", "county", "520502", "industry", "NEW_MATERIALS",
                                "contactEmail", "a@example.com"),
                        body -> organizations.put(STAFF, OWN, (OrganizationInput) body)),
                new RequestType("POST /applications", ApplicationInput.class, applicationBody(),
                        body -> Answers.commit(201, null,
                                () -> applications.submit(APPLICANT, (ApplicationInput) body, null))),
                new RequestType("PUT /applications/{applicationId}", ApplicationInput.class, applicationBody(),
                        body -> Answers.commit(200, null,
                                () -> applications.correct(APPLICANT, id, (ApplicationInput) body, null))),
                new RequestType("POST /applications/{applicationId}/documents", DocumentInput.class,
                        Map.of("fileName", "证书.pdf", "contentType", "application/pdf", "sizeBytes", 1234,
                                "sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "category", "CERTIFICATE"),
                        body -> Answers.commit(201, null,
                                () -> documents.create(APPLICANT, id, (DocumentInput) body, null))),
                new RequestType("POST /applications/{applicationId}/decision", DecisionInput.class,
                        Map.of("outcome", "RETURNED", "reason", "请补充材料"),
                        body -> Answers.commit(200, null,
                                () -> certifications.decide(STAFF, id, (DecisionInput) body))),
                new RequestType("POST /certifications", CertificationInput.class, certificationBody(),
                        body -> Answers.commit(201, null,
                                () -> certifications.record(STAFF, (CertificationInput) body))),
                new RequestType("POST /certifications/{certificationId}/revocation", RevocationInput.class,
                        Map.of("reason", "经核查撤销"),
                        body -> Answers.commit(200, null,
                                () -> certifications.revoke(STAFF, id, (RevocationInput) body))),
                new RequestType("POST /subsidies/{subsidyId}/disbursement", DisbursementInput.class,
                        Map.of("paidOn", "2026-11-20", "voucherNo", "毕财拨〔2026〕1号"),
                        body -> Answers.commit(200, null,
                                () -> subsidies.disburse(FINANCE, id, (DisbursementInput) body))),
                new RequestType("PUT /policy/parameters/HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", ParameterInput.class,
                        Map.of("value", 50000), body -> policyService.proposeParameter(STAFF,
                                "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", (ParameterInput) body)),
                new RequestType("PUT /policy/parameters/PLATFORM_UPGRADE_MODE", ParameterInput.class,
                        Map.of("value", "DIFFERENCE"), body -> policyService.proposeParameter(STAFF,
                                "PLATFORM_UPGRADE_MODE", (ParameterInput) body)),
                new RequestType("POST /policy/parameters/HIGH_TECH_ENTERPRISE_RENEWAL_YUAN/approval",
                        ParameterInput.class, Map.of("value", 50000), body -> policyService.approveParameter(STAFF,
                                "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", (ParameterInput) body, null)));
    }

    /**
     * One of our store ports that answers every call with a 404: a body that got past every check ends there, as a
     * 4xx, so the property covers the checks only (the stores have their own tests against MiniStack).
     */
    static <T> T beyondTheChecks(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? proxy == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : port.getSimpleName();
            }
            throw new NotFound("past the checks: " + port.getSimpleName() + "." + method.getName());
        }));
    }

    static Map<String, Object> certificationBody() {
        Map<String, Object> body = new LinkedHashMap<>(applicationBody());
        body.remove("notes");
        body.put("authority", "贵州省科学技术厅");
        return body;
    }

    static Map<String, Object> applicationBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uscc", OWN);
        body.put("kind", "HIGH_TECH_ENTERPRISE");
        body.put("level", "NATIONAL");
        body.put("renewal", false);
        body.put("platformName", "毕节某科技有限公司");
        body.put("certificateNo", "GR202352000123");
        body.put("issuedOn", "2023-11-30");
        return body;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300, seed = "20191108")
    void arbitraryJsonObjects_areTheValueOrA4xx(@ForAll("requestTypes") RequestType type,
            @ForAll("jsonValues") Object a, @ForAll("jsonValues") Object b, @ForAll("jsonValues") Object c,
            @ForAll("names") String extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> fields = type.fields();
        body.put(fields.get(Math.floorMod(String.valueOf(a).hashCode(), fields.size())), a);
        body.put(fields.get(Math.floorMod(String.valueOf(b).hashCode(), fields.size())), b);
        body.put(extra, c);

        assertHandled(type, write(body));
    }

    @Property(tries = 300, seed = "20191108")
    void aValidBodyWithOneFieldReplacedOrDropped_isTheValueOrA4xx(@ForAll("requestTypes") RequestType type,
            @ForAll("jsonValues") Object value, @ForAll("fieldIndexes") int index, @ForAll boolean drop) {
        Map<String, Object> body = new LinkedHashMap<>(type.valid());
        String field = type.fields().get(index % type.fields().size());
        if (drop) {
            body.remove(field);
        } else {
            body.put(field, value);
        }

        assertHandled(type, write(body));
    }

    @Property(tries = 300, seed = "20191108")
    void anyJsonValueAsTheWholeBody_isValidationFailed_unlessItIsAnObject(@ForAll("requestTypes") RequestType type,
            @ForAll("jsonValues") Object value) {
        assertHandled(type, write(value));
    }

    @Property(tries = 300, seed = "20191108")
    void anyText_isParsedOrValidationFailed(@ForAll("requestTypes") RequestType type, @ForAll("texts") String text) {
        try {
            Json.read(text, type.type());
        } catch (ValidationFailed expected) {
            assertThat(expected.details()).isNotEmpty();
        }
    }

    @Property(tries = 50, seed = "20191108")
    void theValidBodies_pass(@ForAll("requestTypes") RequestType type) {
        Object parsed = Json.read(write(type.valid()), type.type());

        assertThat(parsed).isInstanceOf(type.type());
    }

    /** Parsed and checked: either it returns, or it fails with an error of the 4xx family that names its cause. */
    static void assertHandled(RequestType type, String json) {
        try {
            type.check().accept(Json.read(json, type.type()));
        } catch (DomainException e) {
            assertThat(e.status()).as(type.name() + " " + json + " → " + e.code()).isBetween(400, 499);
            if (e instanceof ValidationFailed) {
                assertThat(e.details()).as("the field is named").isNotEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<RequestType> requestTypes() {
        return Arbitraries.of(allRequestTypes());
    }

    @Provide
    Arbitrary<Integer> fieldIndexes() {
        return Arbitraries.integers().between(0, 50);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("uscc", "kind", "owner", "status", "applicationId", "__proto__", ""));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsnu\\").ofMaxLength(60));
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.just(null),
                () -> Arbitraries.of(PLAUSIBLE),
                () -> Arbitraries.strings().ofMaxLength(50).map(s -> (Object) s),
                () -> Arbitraries.longs().map(l -> (Object) l),
                () -> Arbitraries.doubles().map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(x -> (Object) x),
                () -> jsonValues().list().ofMaxSize(3).map(l -> (Object) l),
                () -> Combinators.combine(names(), jsonValues()).as((k, v) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(k, v);
                    return (Object) m;
                }));
    }

    static String write(Object value) {
        try {
            return PLAIN.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
