package cn.bijie.innovation.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.imports.RowCheck.Checked;
import cn.bijie.innovation.shared.imports.RowCheck.Outside;
import cn.bijie.innovation.shared.imports.RowCheck.Rejected;
import cn.bijie.innovation.shared.imports.RowCheck.Valid;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.sheet.SheetLimits;
import cn.bijie.innovation.shared.sheet.SheetRow;
import cn.bijie.innovation.shared.sheet.Sheets;
import cn.bijie.innovation.shared.testing.ListFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListParsingTest {
    static final Batch HTE = new Batch("HIGH_TECH_ENTERPRISE", "NATIONAL", LocalDate.of(2026, 11, 20),
            "黔科高企〔2026〕1号", "贵州省高新技术企业认定管理机构");

    static List<Checked> check(byte[] file, Batch batch) {
        List<SheetRow> rows = Sheets.read(file, SheetLimits.DEFAULT);
        ListHeaders headers = ListHeaders.standard();
        ListHeaders.Layout layout = headers.layout(rows).orElseThrow();
        RowCheck check = new RowCheck(Policy.active(), headers, layout, batch);
        return rows.subList(layout.headerIndex() + 1, rows.size()).stream().filter(check::isData).map(check::check)
                .toList();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ListParsingTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theProvinceWideNameAndRegionList_keepsTheFifteenBijieRows_andSetsTheOthersAside() throws IOException {
        List<Checked> rows = check(resource("gz-hte-2026-batch1.xlsx"), HTE);

        List<String> expected = new String(resource("gz-hte-2026-batch1.bijie-rows.txt"), StandardCharsets.UTF_8)
                .lines().map(line -> line.split("\t")[1]).toList();
        List<Recognition> bijie = rows.stream().filter(Valid.class::isInstance)
                .map(r -> ((Valid) r).recognition()).toList();
        assertThat(bijie).extracting(Recognition::name).containsExactlyElementsOf(expected);
        assertThat(rows.stream().filter(Outside.class::isInstance).count()).isEqualTo(105);
        assertThat(rows).noneMatch(Rejected.class::isInstance);
        // no USCC, no certificate number, no date in the rows: the batch's date and 文号 (qualified by the name) stand in
        assertThat(bijie).allSatisfy(r -> {
            assertThat(r.uscc()).isNull();
            assertThat(r.certificateNo()).isEqualTo("黔科高企〔2026〕1号（" + r.name() + "）");
            assertThat(r.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        });
        Map<String, String> counties = bijie.stream().collect(Collectors.toMap(Recognition::name,
                r -> String.valueOf(r.county())));
        assertThat(counties).containsEntry("毕节乌江环保科技（集团）有限公司", "520523")
                .containsEntry("毕节百灵智能科技（集团）有限公司", "BLDJ")
                .containsEntry("毕节威宁农业科技有限责任公司", "null");
    }

    @Test
    void theCityListInGb18030_readsThreeDateSpellings_rejectsABadCheckCharacterAndARepeatedRow() throws IOException {
        List<Checked> rows = check(resource("bijie-hte-2026-uscc.gb18030.csv"), HTE);

        assertThat(rows).hasSize(21);
        assertThat(rows.stream().filter(Rejected.class::isInstance).map(r -> (Rejected) r).toList())
                .extracting(Rejected::row, Rejected::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "统一社会信用代码"),
                        org.assertj.core.groups.Tuple.tuple(22, "统一社会信用代码"));
        List<Recognition> valid = rows.stream().filter(Valid.class::isInstance).map(r -> ((Valid) r).recognition())
                .toList();
        assertThat(valid).hasSize(19).allSatisfy(r -> assertThat(r.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20)));
        assertThat(valid.get(0).certificateNo()).isEqualTo("GR202652000001");
        assertThat(valid.get(0).county()).isEqualTo("520527");
    }

    @Test
    void thePlatformList_mapsKindsAndLevels_readsExcelDates_andUsesEachRowsDocumentNumber() throws IOException {
        List<Checked> rows = check(resource("gz-platforms-2025.xlsx"), new Batch(null, null, null, null, null));

        List<Recognition> bijie = rows.stream().filter(Valid.class::isInstance).map(r -> ((Valid) r).recognition())
                .toList();
        assertThat(bijie).isNotEmpty().allSatisfy(r -> {
            assertThat(r.uscc()).startsWith("915205");
            assertThat(r.level()).isIn("NATIONAL", "PROVINCIAL", "MUNICIPAL");
            assertThat(r.certificateNo()).contains("〔2025〕");
            assertThat(r.issuedOn().getYear()).isIn(2025, 2026);
        });
        assertThat(rows).anyMatch(Outside.class::isInstance).noneMatch(Rejected.class::isInstance);
    }

    @Test
    void headersInAnyOrder_withExtraColumns_spacesAndFullWidth_areFound() {
        byte[] file = ListFiles.csv(StandardCharsets.UTF_8, true, List.of(
                List.of("备注", "发证 日期", "统一社会信用代码", "企 业 名 称", "证书编号"),
                List.of("x", "2026.11.20", ListFiles.uscc("520502", 1), "毕节甲科技有限公司", "GR1"),
                List.of("", "", "", "", "")));

        List<Checked> rows = check(file, HTE);

        assertThat(rows).singleElement().isInstanceOfSatisfying(Valid.class, v -> {
            assertThat(v.recognition().county()).isEqualTo("520502");
            assertThat(v.recognition().name()).isEqualTo("毕节甲科技有限公司");
        });
    }

    @Test
    void excelDates_asSerialNumbersAndAsText() {
        assertThat(ListDates.parse("46346")).contains(LocalDate.of(2026, 11, 20));
        assertThat(ListDates.parse("46346.0")).contains(LocalDate.of(2026, 11, 20));
        assertThat(ListDates.parse("2026年11月20日")).contains(LocalDate.of(2026, 11, 20));
        assertThat(ListDates.parse("２０２６／１１／２０")).contains(LocalDate.of(2026, 11, 20));
        assertThat(ListDates.parse("2026-02-30")).isEmpty();
        assertThat(ListDates.parse("2026")).isEmpty();
        assertThat(ListDates.parse("明年")).isEmpty();
    }

    @Test
    void names_foldWidthAndSpaces_butKeepTheCompanyForm() {
        assertThat(Names.normalise("毕节 乌江环保科技(集团)有限公司")).isEqualTo(Names.normalise("毕节乌江环保科技（集团）有限公司"));
        assertThat(Names.normalise("毕节甲科技有限责任公司")).isNotEqualTo(Names.normalise("毕节甲科技有限公司"));
    }

    @Test
    void formulasAndBadValues_areRejectedWithTheirColumn_notEvaluated() {
        byte[] file = ListFiles.xlsx(List.of(List.of("标题"), List.of("企业名称", "统一社会信用代码", "发证日期", "级别"),
                List.of("#f:HYPERLINK(\"http://x\")", ListFiles.uscc("520502", 2), "2026-11-20", ""),
                List.of("毕节乙科技有限公司", ListFiles.uscc("520502", 3), "明天", ""),
                List.of("毕节丙科技有限公司", ListFiles.uscc("520502", 4), "2026-11-20", "部级"),
                List.of("贵阳丁科技有限公司", ListFiles.uscc("520100", 5), "2026-11-20", "")));

        List<Checked> rows = check(file, HTE);

        assertThat(rows).extracting(Checked::row).containsExactly(3, 4, 5, 6);
        assertThat(rows.subList(0, 3)).allMatch(Rejected.class::isInstance);
        assertThat(rows.subList(0, 3)).extracting(r -> ((Rejected) r).column())
                .containsExactly("企业名称", "发证日期", "级别");
        assertThat(rows.get(3)).isInstanceOf(Outside.class);
    }
}
