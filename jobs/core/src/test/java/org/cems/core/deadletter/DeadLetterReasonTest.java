package org.cems.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.hj212.RejectReason;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {
    /** From "Reasons" to the end of the paragraph, in docs/interface.md section "Payloads in". */
    private static final Pattern DOCUMENTED_REASONS = Pattern.compile("Reasons \\(.*?(?=\\n\\n)", Pattern.DOTALL);

    private static final Pattern CODE = Pattern.compile("`([a-z0-9_]+)`");

    @Test
    void theInterfaceDocListsEveryReasonAndNoOther() throws IOException {
        String doc = Files.readString(Path.of("../../docs/interface.md"));
        String payloadsIn = doc.substring(doc.indexOf("## Payloads in"), doc.indexOf("## Outputs"));
        Matcher paragraph = DOCUMENTED_REASONS.matcher(payloadsIn);
        assertThat(paragraph.find())
                .as("the Reasons paragraph of docs/interface.md section Payloads in")
                .isTrue();
        Set<String> listed = new LinkedHashSet<>();
        for (Matcher m = CODE.matcher(paragraph.group()); m.find(); ) {
            listed.add(m.group(1));
        }
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DeadLetterReason.values())
                        .map(DeadLetterReason::wireName)
                        .toList());
    }

    @Test
    void everyReasonOfTheHj212CodecIsInTheCatalogueUnderItsOwnCode() {
        for (RejectReason codec : RejectReason.values()) {
            assertThat(DeadLetterReason.of(codec).wireName()).isEqualTo(codec.code());
        }
    }

    @Test
    void wireNamesAreUniqueSnakeCaseAndEachHasAMeaning() {
        Set<String> names = new LinkedHashSet<>();
        for (DeadLetterReason r : DeadLetterReason.values()) {
            assertThat(r.wireName()).matches("[a-z0-9]+(_[a-z0-9]+)*");
            assertThat(names.add(r.wireName())).as(r.wireName()).isTrue();
            assertThat(r.meaning()).isNotBlank().doesNotContain("\n");
            assertThat(DeadLetterReason.ofWireName(r.wireName())).contains(r);
        }
    }
}
