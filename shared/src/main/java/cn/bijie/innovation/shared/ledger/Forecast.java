package cn.bijie.innovation.shared.ledger;

import java.util.List;

/**
 * {@code GET /ledger/forecast}: what the next 12 months are likely to bring, by month, with what it assumes. Renewals
 * are high-tech enterprise certificates reaching the end of their validity, priced at the renewal parameter (null
 * while it is not set); notices are the subsidies on notice, payable after the notice's last working day.
 */
public record Forecast(String from, String to, List<Month> months, Totals totals, List<String> assumptions) {

    public record Month(String month, int renewals, Long renewalYuan, String renewalNote, int onNotice,
            long onNoticeYuan) {}

    public record Totals(int renewals, Long renewalYuan, int onNotice, long onNoticeYuan) {}
}
