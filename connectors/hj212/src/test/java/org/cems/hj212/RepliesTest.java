package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {

    @Test
    void dataAckEchoesTheQnWithSt91AndFlag4() {
        Hj212Packet upload = Frames.decodeOne(Frames.UPLOAD_2011);
        assertThat(upload.needsAck()).isTrue();
        Hj212Packet ack = Hj212Replies.dataAck(upload);
        assertThat(Hj212Encoder.dataSegment(ack))
                .isEqualTo("QN=20261126101500001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&");
        assertThat(ack.kind()).isEqualTo(Hj212PacketKind.REPLY);
        assertThat(ack.needsAck()).isFalse();
    }

    @Test
    void eachSplitPartIsAcknowledgedWithItsOwnQn() {
        Hj212Packet part = Frames.decodeOne(Frames.TYPO_COMMA_QN);
        assertThat(Hj212Replies.dataAck(part).qn()).contains("20160801085857534");
    }

    @Test
    void answersKeepTheRequestEdition() {
        assertThat(Hj212Replies.dataAck(Frames.decodeOne(Frames.FLAG_8)).flag()).hasValue(8);
        Hj212Packet legacy =
                Frames.decodeOne(Frames.frame("QN=20040516010101001;ST=32;CN=2011;PW=123456;MN=88888880000001;Flag=1;"
                        + "CP=&&DataTime=20040516010101;01-Rtd=1&&"));
        assertThat(Hj212Encoder.dataSegment(Hj212Replies.dataAck(legacy)))
                .isEqualTo("ST=91;CN=9014;PW=123456;MN=88888880000001;Flag=0;CP=&&QN=20040516010101001&&");
        assertThat(Hj212Encoder.dataSegment(Hj212Replies.requestAnswer(legacy, Hj212Replies.QN_CRC_ERROR)))
                .isEqualTo("ST=91;CN=9011;PW=123456;MN=88888880000001;Flag=0;CP=&&QN=20040516010101001;QnRtn=2&&");
    }

    @Test
    void notifyAndRequestAnswers() {
        Hj212Packet request = Frames.decodeOne(Frames.APPENDIX_A);
        assertThat(Hj212Encoder.dataSegment(Hj212Replies.notifyAck(request)))
                .isEqualTo("QN=20160801085857223;ST=91;CN=9013;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&");
        assertThat(Hj212Encoder.dataSegment(Hj212Replies.requestAnswer(request, Hj212Replies.QN_READY)))
                .isEqualTo(
                        "QN=20160801085857223;ST=91;CN=9011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&");
    }

    @Test
    void crcErrorIsAnsweredWithQnRtn9WhenTheQnIsReadable() {
        String broken = Frames.APPENDIX_A.replace("&&1C80", "&&1C81");
        DecodeResult.Rejected r = Frames.rejectOne(broken);
        Hj212Packet answer = Hj212Replies.rejection(r).orElseThrow();
        assertThat(Hj212Encoder.dataSegment(answer))
                .isEqualTo(
                        "QN=20160801085857223;ST=91;CN=9011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=9&&");
    }

    @Test
    void contentErrorsGetTheirQnRtn() {
        DecodeResult.Rejected noCn = Frames.rejectOne(Frames.frame("QN=7;ST=31;MN=M1;Flag=5;CP=&&&&"));
        assertThat(Hj212Replies.rejection(noCn).orElseThrow().cpFields()).containsEntry("QnRtn", "8");
        DecodeResult.Rejected badFlag = Frames.rejectOne(Frames.frame("QN=7;ST=31;CN=2011;MN=M1;Flag=99;CP=&&&&"));
        assertThat(Hj212Replies.rejection(badFlag).orElseThrow().cpFields()).containsEntry("QnRtn", "6");
        DecodeResult.Rejected badCp = Frames.rejectOne(Frames.frame("QN=7;ST=31;CN=2011;MN=M1;Flag=5CP=&&x&&"));
        Hj212Packet answer = Hj212Replies.rejection(badCp).orElseThrow();
        assertThat(answer.cpFields()).containsEntry("QnRtn", "2");
        assertThat(answer.flag()).hasValue(4);
    }

    @Test
    void noAnswerWithoutAReadableQnAndMnOrForGarbage() {
        DecodeResult.Rejected noMn = Frames.rejectOne(Frames.frame("QN=7;ST=31;CN=2011;Flag=5;CP=&&&&"));
        assertThat(Hj212Replies.rejection(noMn)).isEmpty();
        DecodeResult.Rejected noQn = Frames.rejectOne(Frames.frame("ST=31;MN=M1;Flag=5;CP=&&&&"));
        assertThat(Hj212Replies.rejection(noQn)).isEmpty();
        List<DecodeResult> garbage = Frames.STRICT.decode(Frames.bytes("QN=1;MN=2;CN=2011"));
        assertThat(Hj212Replies.rejection((DecodeResult.Rejected) garbage.get(0)))
                .isEmpty();
        DecodeResult.Rejected truncated = Frames.rejectOne(Frames.APPENDIX_A.substring(0, 80));
        assertThat(Hj212Replies.rejection(truncated)).isEmpty();
    }
}
