package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.time.Shanghai;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statistics for the leading group, per county, industry and tier: organisations, pool size, conversions this
 * year, the conversion rate (conversions ÷ pool entries, ever) and recognitions by kind. {@link #csv()} as a
 * spreadsheet opens it (UTF-8 with BOM).
 */
public record Statistics(int year, String asOf, List<Line> lines) {

    public record Line(String dimension, String code, String name, long organizations, long poolSize,
            long poolEntered, long poolConverted, long conversionsThisYear, BigDecimal conversionRate,
            Map<String, Long> recognitionsByKind) {}

    private static final List<String> ORDER = List.of("ALL", "COUNTY", "INDUSTRY", "TIER");

    public Statistics(List<StatisticsRow> rows, Policy policy, Instant now) {
        this(Shanghai.dateOf(now).getYear(), now.toString(), lines(rows, policy, Shanghai.dateOf(now).getYear()));
    }

    private static List<Line> lines(List<StatisticsRow> rows, Policy policy, int year) {
        List<Line> lines = new ArrayList<>();
        rows.stream().sorted(Comparator.comparing((StatisticsRow r) -> ORDER.indexOf(r.dimension()))
                .thenComparing(StatisticsRow::code)).forEach(r -> lines.add(new Line(r.dimension(), r.code(),
                        name(policy, r.dimension(), r.code()), r.organizations(), r.poolSize(), r.poolEntered(),
                        r.poolConverted(), r.conversionsByYear().getOrDefault(Integer.toString(year), 0L),
                        r.poolEntered() == 0 ? null : BigDecimal.valueOf(r.poolConverted())
                                .divide(BigDecimal.valueOf(r.poolEntered()), 4, RoundingMode.HALF_UP),
                        new TreeMap<>(r.recognitionsByKind()))));
        return lines;
    }

    private static String name(Policy policy, String dimension, String code) {
        List<Policy.Code> codes = switch (dimension) {
            case "COUNTY" -> policy.counties();
            case "INDUSTRY" -> policy.industries();
            case "TIER" -> policy.growthTiers();
            default -> List.of();
        };
        Optional<String> name = codes.stream().filter(c -> c.code().equals(code)).map(Policy.Code::name).findFirst();
        return name.orElse("ALL".equals(dimension) ? "全市" : "TIER".equals(dimension) ? "未认定梯队" : code);
    }

    public String csv() {
        List<String> kinds = lines.stream().flatMap(l -> l.recognitionsByKind().keySet().stream()).distinct()
                .sorted().toList();
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("维度", "代码", "名称", "组织数", "在库企业数", "累计入库",
                "累计转化", year + "年转化", "转化率(%)"));
        kinds.forEach(k -> header.add("认定数:" + k));
        csv.append(String.join(",", header)).append("\r\n");
        for (Line l : lines) {
            List<String> row = new ArrayList<>(List.of(l.dimension(), l.code(), l.name(),
                    Long.toString(l.organizations()), Long.toString(l.poolSize()), Long.toString(l.poolEntered()),
                    Long.toString(l.poolConverted()), Long.toString(l.conversionsThisYear()),
                    l.conversionRate() == null ? "" : l.conversionRate().movePointRight(2)
                            .setScale(2, RoundingMode.HALF_UP).toPlainString()));
            kinds.forEach(k -> row.add(Long.toString(l.recognitionsByKind().getOrDefault(k, 0L))));
            csv.append(String.join(",", row)).append("\r\n");
        }
        return csv.toString();
    }
}
