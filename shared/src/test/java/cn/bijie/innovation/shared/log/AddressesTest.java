package cn.bijie.innovation.shared.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {
    @Test
    void everyAddressInAMailServicesMessageIsTakenOut_theRestStays() {
        assertThat(Addresses.redact("MessageRejectedException: Email address is not verified. The following identities "
                + "failed the check in region US-EAST-1: contact@example.com, <a.b+c@kjj.bijie.gov.cn>"))
                .isEqualTo("MessageRejectedException: Email address is not verified. The following identities "
                        + "failed the check in region US-EAST-1: <address>, <<address>>");
        assertThat(Addresses.redact("SMTP 550")).isEqualTo("SMTP 550");
        assertThat(Addresses.redact(null)).isNull();
    }
}
