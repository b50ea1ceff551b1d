package cn.bijie.innovation.local;

import java.net.URI;

/** Where the local stack lives: its name, region, the emulator endpoint. The account id is the emulators' usual one. */
record StackContext(String stackName, String region, URI endpoint) {
    static final String ACCOUNT_ID = "000000000000";

    String accountId() {
        return ACCOUNT_ID;
    }
}
