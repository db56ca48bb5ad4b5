package cn.medrecruit.identity;

/** Identity documents accepted at registration; display names come from the message bundle. */
public enum IdDocumentType {
    RESIDENT_ID,
    HK_MACAU_PERMIT,
    TAIWAN_PERMIT,
    PASSPORT;

    public String messageKey() {
        return "id-type." + name();
    }
}
