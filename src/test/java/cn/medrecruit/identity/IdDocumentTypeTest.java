package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdDocumentTypeTest {

    @Test
    void messageKeysFollowTheBundleNaming() {
        assertThat(IdDocumentType.RESIDENT_ID.messageKey()).isEqualTo("id-type.RESIDENT_ID");
        assertThat(IdDocumentType.HK_MACAU_PERMIT.messageKey()).isEqualTo("id-type.HK_MACAU_PERMIT");
        assertThat(IdDocumentType.TAIWAN_PERMIT.messageKey()).isEqualTo("id-type.TAIWAN_PERMIT");
        assertThat(IdDocumentType.PASSPORT.messageKey()).isEqualTo("id-type.PASSPORT");
    }

    @Test
    void documentTypesAreExactlyTheFourAccepted() {
        assertThat(IdDocumentType.values()).containsExactly(
                IdDocumentType.RESIDENT_ID,
                IdDocumentType.HK_MACAU_PERMIT,
                IdDocumentType.TAIWAN_PERMIT,
                IdDocumentType.PASSPORT);
    }
}
