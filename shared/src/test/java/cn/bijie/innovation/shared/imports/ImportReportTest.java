package cn.bijie.innovation.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.imports.RowOutcome.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportTest {
    @Test
    void theReport_isCsvWithBom_andNeverAFormula() {
        String csv = ImportReport.csv(List.of(
                RowOutcome.rejected(3, "=HYPERLINK(\"http://x\",\"点我\")", "企业名称", "企业名称不是有效的名称"),
                new RowOutcome(4, Outcome.RECORDED, "毕节甲科技有限公司", "91520500MA6DKQ5X35", null, null, "cert-1",
                        true, null),
                RowOutcome.rejected(5, "+86,@x", "企业名称", "-1")));

        assertThat(csv).startsWith("\uFEFF行号,结果,企业名称,统一社会信用代码,列,原因,认定记录\r\n");
        assertThat(csv.lines()).containsExactly("\uFEFF行号,结果,企业名称,统一社会信用代码,列,原因,认定记录",
                "3,未通过校验,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",,企业名称,企业名称不是有效的名称,",
                "4,已记录,毕节甲科技有限公司,91520500MA6DKQ5X35,,新建组织资料,cert-1",
                "5,未通过校验,\"'+86,@x\",,企业名称,'-1,");
    }
}
