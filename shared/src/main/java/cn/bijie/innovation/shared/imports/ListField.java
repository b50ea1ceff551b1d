package cn.bijie.innovation.shared.imports;

/** A column of a recognition list, by its key in {@code imports/list-headers.json} and its usual header. */
public enum ListField {
    SERIAL("serial", "序号"),
    NAME("name", "企业名称"),
    USCC("uscc", "统一社会信用代码"),
    CERTIFICATE_NO("certificateNo", "证书编号"),
    ISSUED_ON("issuedOn", "发证日期"),
    PLATFORM_NAME("platformName", "平台名称"),
    LEVEL("level", "级别"),
    KIND("kind", "类别"),
    PLACE("place", "所属地区"),
    DOCUMENT_NO("documentNo", "文号");

    private final String key;
    private final String header;

    ListField(String key, String header) {
        this.key = key;
        this.header = header;
    }

    public String key() {
        return key;
    }

    /** The header a report names the column by. */
    public String header() {
        return header;
    }
}
