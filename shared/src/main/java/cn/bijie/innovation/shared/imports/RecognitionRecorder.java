package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationInput;
import cn.bijie.innovation.shared.certification.CertificationService;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.retry.Retry;
import java.time.Instant;
import java.util.Map;

/**
 * The one place an import records a recognition: through the same service method as {@code POST /certifications}
 * (its rules, its transaction, its audit entry; the subsidy follows through the stream as for one recorded by hand).
 * A certification recorded before is skipped as such — unless this import recorded it itself on a delivery that
 * stopped before its checkpoint, which counts as recorded.
 */
public final class RecognitionRecorder {
    private static final Map<String, String> COLUMNS = Map.of("uscc", "统一社会信用代码", "kind", "类别", "level", "级别",
            "platformName", "平台名称", "certificateNo", "证书编号", "issuedOn", "发证日期", "authority", "发证机关");

    public sealed interface Result {}

    public record Recorded(String certificationId) implements Result {}

    public record AlreadyRecorded(String certificationId) implements Result {}

    public record Invalid(String column, String reason) implements Result {}

    private final CertificationService certifications;

    public RecognitionRecorder(CertificationService certifications) {
        this.certifications = certifications;
    }

    /** Records {@code r} for {@code uscc} as {@code staff}; {@code since}: when this import began. */
    public Result record(Caller staff, Recognition r, String uscc, String authority, Instant since) {
        // a list claims nothing about renewal: the record decides; the platform is found by kind family and name
        CertificationInput input = new CertificationInput(uscc, r.kind(), r.level(), null, r.platformName(),
                r.certificateNo(), r.issuedOn().toString(), null, authority, null);
        try {
            Certification recorded = Retry.unitOfWork(() -> {
                var written = certifications.record(staff, input);
                written.write().commit(null);
                return written.result();
            });
            return new Recorded(recorded.certificationId());
        } catch (ValidationFailed e) {
            FieldProblem problem = e.details().isEmpty() ? new FieldProblem("", e.getMessage()) : e.details().get(0);
            return new Invalid(COLUMNS.getOrDefault(problem.field(), problem.field()), problem.problem());
        } catch (Conflict e) {
            String id = Certification.idOf(uscc, r.kind(), r.level(), r.certificateNo().strip(), r.issuedOn().toString());
            try {
                Certification existing = certifications.get(staff, id);
                return Instant.parse(existing.recordedAt()).isBefore(since) ? new AlreadyRecorded(id)
                        : new Recorded(id);
            } catch (NotFound gone) {
                return new AlreadyRecorded(id);
            }
        }
    }
}
