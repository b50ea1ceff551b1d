package cn.bijie.innovation.shared.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.testing.ListFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetsTest {
    static final Charset GB18030 = Charset.forName("GB18030");
    static final List<List<String>> ROWS = List.of(List.of("序号", "企业名称", "统一社会信用代码"),
            List.of("1", "毕节黔丰新材料科技有限公司", "91520500MA6DKQ5X35"),
            List.of("2", "毕节\"双引号\",逗号有限公司", ""));

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SheetsTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void utf8WithAndWithoutBom_andGb18030_readTheSameCells() {
        List<SheetRow> withBom = Sheets.read(ListFiles.csv(StandardCharsets.UTF_8, true, ROWS), SheetLimits.DEFAULT);
        List<SheetRow> without = Sheets.read(ListFiles.csv(StandardCharsets.UTF_8, false, ROWS), SheetLimits.DEFAULT);
        List<SheetRow> gb = Sheets.read(ListFiles.csv(GB18030, false, ROWS), SheetLimits.DEFAULT);

        assertThat(withBom.get(0).cells()).containsExactly("序号", "企业名称", "统一社会信用代码");
        assertThat(withBom.get(2).cells()).containsExactly("2", "毕节\"双引号\",逗号有限公司", "");
        assertThat(without).isEqualTo(withBom);
        assertThat(gb).isEqualTo(withBom);
    }

    @Test
    void theCityListInGb18030WithCrlf_readsEveryRow() throws IOException {
        List<SheetRow> rows = Sheets.read(resource("bijie-hte-2026-uscc.gb18030.csv"), SheetLimits.DEFAULT);

        assertThat(rows.get(0).cells()).containsExactly("序号", "企业名称", "统一社会信用代码", "证书编号", "发证日期");
        assertThat(rows.get(2).cells().get(4)).isEqualTo("2026年11月20日");
        assertThat(rows).hasSize(22);
    }

    @Test
    void aFileMixingUtf8AndGb18030Lines_isRefused() {
        byte[] utf8 = "序号,企业名称\r\n1,毕节甲科技有限公司\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] gb = "2,毕节乙科技有限公司\r\n".getBytes(GB18030);
        byte[] mixed = new byte[utf8.length + gb.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(gb, 0, mixed, utf8.length, gb.length);

        assertThatThrownBy(() -> Sheets.read(mixed, SheetLimits.DEFAULT)).isInstanceOf(SheetRejected.class)
                .hasMessageContaining("混用");
    }

    @Test
    void theProvinceXlsx_withMergedTitleRows_keepsRowNumbersAndColumns() throws IOException {
        List<SheetRow> rows = Sheets.read(resource("gz-hte-2026-batch1.xlsx"), SheetLimits.DEFAULT);

        SheetRow header = rows.stream().filter(r -> r.cells().contains("企业名称")).findFirst().orElseThrow();
        assertThat(header.number()).isGreaterThan(2);
        assertThat(header.cells()).containsExactly("序号", "企业名称", "所属地区");
    }

    @Test
    void xlsxNumbersAndFormulas_areTextAsStored_neverEvaluated() {
        byte[] file = ListFiles.xlsx(List.of(List.of("序号", "企业名称", "发证日期"),
                List.of("#n:1", "#f:HYPERLINK(\"http://x\",\"y\")", "#n:46346")));

        List<SheetRow> rows = Sheets.read(file, SheetLimits.DEFAULT);

        assertThat(rows.get(1).cells()).containsExactly("1", "=HYPERLINK(\"http://x\",\"y\")", "46346");
    }

    @Test
    void aZipBomb_stopsAtTheInflationLimit() {
        byte[] bomb = ListFiles.zipBomb(300);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> Sheets.read(bomb, SheetLimits.DEFAULT)).isInstanceOf(SheetRejected.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void tooManyRows_tooLarge_andNotASheet_areRefused() {
        SheetLimits small = new SheetLimits(1024, 2, 1024 * 1024, 100);
        assertThatThrownBy(() -> Sheets.read(ListFiles.csv(StandardCharsets.UTF_8, false, ROWS), small))
                .isInstanceOf(SheetRejected.class).hasMessageContaining("too many rows");
        assertThatThrownBy(() -> Sheets.read(new byte[2048], small)).isInstanceOf(SheetRejected.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> Sheets.read("%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII), SheetLimits.DEFAULT))
                .isInstanceOf(SheetRejected.class).hasMessageContaining("not a CSV or XLSX");
        assertThatThrownBy(() -> Sheets.read(new byte[] {1, 0, 2}, SheetLimits.DEFAULT))
                .isInstanceOf(SheetRejected.class);
    }
}
