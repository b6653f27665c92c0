package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitPacketAssemblerTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2016, 8, 1, 8, 40);

    private final SplitPacketAssembler assembler = new SplitPacketAssembler(3, Duration.ofSeconds(60), 16);

    /** One part of a 2051 minute upload; each part has its own QN, like Table C.48/C.49. */
    private static Hj212Packet part(String mn, LocalDateTime time, int pnum, int pno, String code, String avg) {
        return Hj212Packet.builder()
                .qn("20160801085857" + (533 + pno))
                .st("32")
                .cn("2051")
                .pw("123456")
                .mn(mn)
                .split(pnum, pno)
                .flag(Hj212Edition.HJ212_2017, true)
                .dataTime(time)
                .item(code, "Avg", avg)
                .item(code, "Flag", "N")
                .build();
    }

    @Test
    void unsplitPacketsPassStraightThrough() {
        Hj212Packet p = Frames.decodeOne(Frames.UPLOAD_2011);
        assertThat(assembler.offer(p, 0)).containsExactly(new SplitPacketAssembler.Complete(p, 1));
        assertThat(assembler.pendingGroups()).isZero();
    }

    @Test
    void partsWithDifferentQnsAreJoinedOnMnCnAndDataTime() {
        Hj212Packet p1 = part("MN1", T0, 2, 1, "w01018", "50.0");
        Hj212Packet p2 = part("MN1", T0, 2, 2, "w21003", "1.2");
        assertThat(p1.isSplit()).isTrue();
        assertThat(assembler.offer(p2, 0)).isEmpty(); // out of order on purpose
        assertThat(assembler.pendingGroups()).isEqualTo(1);
        List<SplitPacketAssembler.Outcome> out = assembler.offer(p1, 10);
        assertThat(out).hasSize(1);
        SplitPacketAssembler.Complete done = (SplitPacketAssembler.Complete) out.get(0);
        Hj212Packet merged = done.packet();
        assertThat(done.parts()).isEqualTo(2);
        assertThat(merged.qn()).isEqualTo(p1.qn());
        assertThat(merged.pnum()).isZero();
        assertThat(merged.isSplit()).isFalse();
        assertThat(merged.needsAck()).isTrue();
        assertThat(merged.flag()).hasValue(5);
        assertThat(merged.items()).containsOnlyKeys("w01018", "w21003");
        assertThat(assembler.pendingGroups()).isZero();
    }

    @Test
    void theSplitFrameOfTheNotesDecodesAndWaitsForItsSecondPart() {
        Hj212Packet first = Frames.decodeOne(Frames.PNO_FIRST);
        assertThat(assembler.offer(first, 0)).isEmpty();
        Hj212Packet second = first.toBuilder()
                .qn("20200101000000002")
                .split(2, 2)
                .clearItems()
                .item("a21002", "Avg", "2.0")
                .build();
        Hj212Packet merged =
                ((SplitPacketAssembler.Complete) assembler.offer(second, 1).get(0)).packet();
        assertThat(merged.items()).containsOnlyKeys("a21026", "a21002");
        assertThat(merged.flag()).hasValue(5);
    }

    @Test
    void differentDataTimesOrMnsAreDifferentGroups() {
        assembler.offer(part("MN1", T0, 2, 1, "a", "1"), 0);
        assembler.offer(part("MN1", T0.plusMinutes(1), 2, 1, "a", "1"), 0);
        assembler.offer(part("MN2", T0, 2, 1, "a", "1"), 0);
        assertThat(assembler.pendingGroups()).isEqualTo(3);
    }

    @Test
    void retransmittedPartReplacesTheEarlierCopy() {
        assembler.offer(part("MN1", T0, 2, 1, "a", "1"), 0);
        assertThat(assembler.offer(part("MN1", T0, 2, 1, "a", "9"), 1)).isEmpty();
        Hj212Packet merged = ((SplitPacketAssembler.Complete)
                        assembler.offer(part("MN1", T0, 2, 2, "b", "2"), 2).get(0))
                .packet();
        assertThat(merged.item("a").orElseThrow().values()).containsEntry("Avg", "9");
    }

    @Test
    void incompleteGroupsExpireAfterTheTimeout() {
        Hj212Packet p1 = part("MN1", T0, 3, 1, "a", "1");
        assembler.offer(p1, 1_000);
        assembler.offer(part("MN1", T0, 3, 3, "c", "3"), 2_000);
        assertThat(assembler.expire(60_999)).isEmpty();
        List<SplitPacketAssembler.Outcome> out = assembler.expire(61_000);
        assertThat(out).hasSize(1);
        SplitPacketAssembler.Expired expired = (SplitPacketAssembler.Expired) out.get(0);
        assertThat(expired.reason()).isEqualTo(RejectReason.SPLIT_TIMEOUT);
        assertThat(expired.detail()).contains("[1, 3]").contains("of 3");
        assertThat(expired.parts()).hasSize(2).first().isEqualTo(p1);
        assertThat(assembler.pendingGroups()).isZero();
    }

    @Test
    void expiryAlsoHappensWhileOffering() {
        assembler.offer(part("MN1", T0, 2, 1, "a", "1"), 0);
        Hj212Packet other = Frames.decodeOne(Frames.UPLOAD_2011);
        List<SplitPacketAssembler.Outcome> out = assembler.offer(other, 120_000);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(SplitPacketAssembler.Expired.class);
        assertThat(out.get(1)).isEqualTo(new SplitPacketAssembler.Complete(other, 1));
    }

    @Test
    void theOldestGroupIsEvictedWhenFull() {
        for (int i = 0; i < 3; i++) {
            assembler.offer(part("MN" + i, T0, 2, 1, "a", "1"), i);
        }
        List<SplitPacketAssembler.Outcome> out = assembler.offer(part("MN9", T0, 2, 1, "a", "1"), 10);
        assertThat(out).hasSize(1);
        SplitPacketAssembler.Expired evicted = (SplitPacketAssembler.Expired) out.get(0);
        assertThat(evicted.reason()).isEqualTo(RejectReason.SPLIT_EVICTED);
        assertThat(evicted.parts().get(0).mn()).isEqualTo("MN0");
        assertThat(assembler.pendingGroups()).isEqualTo(3);
    }

    @Test
    void manyGroupsNeverGrowPastTheBound() {
        for (int i = 0; i < 10_000; i++) {
            assembler.offer(part("MN" + i, T0, 2, 1, "a", "1"), i);
            assertThat(assembler.pendingGroups()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void tooManyPartsAreRefusedAtOnce() {
        List<SplitPacketAssembler.Outcome> out = assembler.offer(part("MN1", T0, 17, 1, "a", "1"), 0);
        assertThat(out)
                .singleElement()
                .isInstanceOfSatisfying(
                        SplitPacketAssembler.Expired.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.SPLIT_TOO_LARGE));
        assertThat(assembler.pendingGroups()).isZero();
    }

    @Test
    void cpFieldsOfAllPartsAreKept() {
        Hj212Packet p1 =
                part("MN1", T0, 2, 1, "a", "1").toBuilder().cpField("X", "1").build();
        Hj212Packet p2 =
                part("MN1", T0, 2, 2, "b", "2").toBuilder().cpField("Y", "2").build();
        assembler.offer(p1, 0);
        Hj212Packet merged =
                ((SplitPacketAssembler.Complete) assembler.offer(p2, 0).get(0)).packet();
        assertThat(merged.cpFields()).containsExactly(Map.entry("X", "1"), Map.entry("Y", "2"));
    }
}
