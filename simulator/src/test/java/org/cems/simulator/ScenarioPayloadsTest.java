package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.simulator.RealPlantScenariosTest.at;
import static org.cems.simulator.ScenariosTest.SHANGHAI;
import static org.cems.simulator.ScenariosTest.START;
import static org.cems.simulator.ScenariosTest.TICK;
import static org.cems.simulator.ScenariosTest.U1_STACK;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.registry.Registry;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.ParameterCodes;
import org.junit.jupiter.api.Test;

/** What the patterns look like on the wire, in HJ 212 frames and in JSON. */
class ScenarioPayloadsTest {
    final Registry registry = RegistryFileTest.demoRegistry();
    final PlantModel model = new PlantModel(registry, 7);
    final MonitoringPoint stack = model.point(U1_STACK);
    final Hj212PayloadEncoder hj212 = new Hj212PayloadEncoder(SHANGHAI);
    final JsonPayloadEncoder json = new JsonPayloadEncoder(SHANGHAI);

    List<Upload> sent(long tick, String... specs) {
        return Scenarios.place(
                        List.of(specs).stream().map(ScenarioSpec::parse).toList(),
                        Optional.empty(),
                        model,
                        registry,
                        START,
                        TICK)
                .uploadsAt(stack, tick);
    }

    List<Hj212Packet> frames(List<Upload> uploads) {
        return Hj212Decoder.of(Hj212Decoder.Options.defaults()).decode(hj212.encode(stack.source(), uploads)).stream()
                .map(r -> ((DecodeResult.Decoded) r).packet())
                .toList();
    }

    String jsonText(List<Upload> uploads) {
        return new String(json.encode(stack.source(), uploads), StandardCharsets.UTF_8);
    }

    @Test
    void cleanReadingsAreTheSameJsonAsBefore() {
        List<Reading> batch = LongStream.range(0, 30)
                .mapToObj(k -> stack.readingAt(START + k * TICK))
                .toList();
        assertThat(json.encode(stack.source(), batch.stream().map(Upload::data).toList()))
                .isEqualTo(new ReadingJson(SHANGHAI).encode(batch).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stationUploadsInHj212() {
        List<Hj212Packet> packets = frames(sent(at(26, 10, 0), "station-uploads@0m"));

        assertThat(packets).extracting(Hj212Packet::cn).containsExactly("2011", "2081", "3020", "2041", "2021");
        Hj212Packet restart = packets.get(1);
        assertThat(restart.cpFields()).containsEntry("RestartTime", "20261126095800");
        assertThat(restart.dataTime()).contains(LocalDateTime.of(2026, 11, 26, 10, 0));
        Hj212Packet site = packets.get(2);
        assertThat(site.cpFields()).containsEntry("PolId", "a21026");
        assertThat(site.item("i12001").orElseThrow().value("Info")).contains("0");
        assertThat(packets.get(3).item("SB2").orElseThrow().value("RT")).contains("24");
        assertThat(packets.get(3).dataTime()).contains(LocalDateTime.of(2026, 11, 25, 0, 0));
        assertThat(packets.get(4).item("SB1").orElseThrow().value("RS")).contains("1");
        assertThat(new String(
                        hj212.encode(stack.source(), sent(at(26, 10, 0), "station-uploads@0m")),
                        StandardCharsets.US_ASCII))
                .contains("CN=3020;PW=621001;MN=" + U1_STACK
                        + ";Flag=4;CP=&&DataTime=20261126100000;PolId=a21026;i12001-Info=0&&");
    }

    @Test
    void stationUploadsInJson() {
        String text = jsonText(sent(at(26, 10, 30), "stop-at-30@0m"));
        assertThat(text)
                .contains(
                        "{\"mn\":\"" + U1_STACK
                                + "\",\"cn\":\"2021\",\"time\":\"2026-11-26T10:30+08:00\",\"facilities\":{\"SB1\":{\"rs\":0}}}");
        String station = jsonText(sent(at(26, 10, 0), "station-uploads@0m"));
        assertThat(station)
                .contains(
                        "\"cn\":\"2081\",\"time\":\"2026-11-26T10:00+08:00\",\"restartTime\":\"2026-11-26T09:58+08:00\"}");
        assertThat(station)
                .contains(
                        "\"cn\":\"3020\",\"time\":\"2026-11-26T10:00+08:00\",\"polId\":\"a21026\",\"info\":{\"i12001\":0}}");
        assertThat(station).contains("\"facilities\":{\"SB1\":{\"rt\":24},\"SB2\":{\"rt\":24},\"SB3\":{\"rt\":24}}");
    }

    @Test
    void stationUploadsAreWhatTheJobDecodes_inBothFormats() {
        PayloadDecoder decoder = new PayloadDecoder(SHANGHAI, 1 << 20);
        for (byte[] payload : List.of(
                json.encode(stack.source(), sent(at(26, 10, 0), "station-uploads@0m")),
                hj212.encode(stack.source(), sent(at(26, 10, 0), "station-uploads@0m")))) {
            var decoded = decoder.decode(payload);
            assertThat(decoded.rejections()).isEmpty();
            assertThat(decoded.station().statuses())
                    .extracting(f -> f.facility + "=" + f.status)
                    .contains("SB1=1");
            assertThat(decoded.station().events()).extracting(e -> e.cn).contains("2041", "2081", "3020");
        }
    }

    @Test
    void minuteDataWithTotalsDecodeBackInBothFormats() {
        List<Upload> uploads = sent(at(26, 10, 10), "interval-10m", "logger-totals@0m");
        assertThat(uploads).extracting(Upload::cn).containsExactly("2051");
        Reading record = uploads.get(0).reading;
        PayloadDecoder decoder = new PayloadDecoder(SHANGHAI, 1 << 20);

        assertThat(decoder.decode(json.encode(stack.source(), uploads)).readings())
                .containsExactly(record);
        Hj212Packet packet = frames(uploads).get(0);
        assertThat(packet.cn()).isEqualTo("2051");
        assertThat(packet.dataTime()).contains(LocalDateTime.of(2026, 11, 26, 10, 0));
        assertThat(packet.item("a21026").orElseThrow().number("Cou"))
                .hasValue(record.values.get(ParameterCodes.SO2).cou);
        assertThat(packet.item("a21026").orElseThrow().number("Avg"))
                .hasValue(record.values.get(ParameterCodes.SO2).avg);
        assertThat(packet.item("a21026").orElseThrow().number("ZsMax"))
                .hasValue(record.values.get(ParameterCodes.SO2).zsMax);
    }

    @Test
    void badValuesAreSentAsTheyAreInBothFormats() {
        String frames = "";
        String objects = "";
        for (int minute = 0; minute < 6; minute++) {
            List<Upload> uploads = sent(at(26, 10, minute), "bad-values@0m");
            frames += new String(hj212.encode(stack.source(), uploads), StandardCharsets.US_ASCII);
            objects += jsonText(uploads);
        }
        assertThat(frames)
                .contains("a21026-Rtd=NaN,", "a21026-Rtd=,", "a21026-Rtd=ERR,", "a21026-Rtd=-1.5,", "a19001-Rtd=21.3,");
        assertThat(frames)
                .containsPattern("CP=&&DataTime=20261126100300;a99948-Rtd=1,a99948-Flag=N;ele01-Rtd=1,ele01-Flag=N&&");
        assertThat(objects)
                .contains("\"a21026\":{\"rtd\":\"NaN\"", "\"a21026\":{\"rtd\":\"\"", "\"a21026\":{\"rtd\":\"ERR\"");
        // the broken frame is still a frame: the good items decode, the empty one is absent
        Hj212Packet empty = frames(sent(at(26, 10, 1), "bad-values@0m")).get(0);
        assertThat(empty.item("a21026").orElseThrow().value("Rtd")).isEmpty();
        assertThat(empty.item("a21002").orElseThrow().number("Rtd")).isPresent();
    }

    @Test
    void aCorruptedYearIsSentAsSuch() {
        List<Upload> uploads = sent(at(26, 10, 30), "clock-jump@0m");
        assertThat(new String(hj212.encode(stack.source(), uploads), StandardCharsets.US_ASCII))
                .contains("DataTime=20991126103000;");
        assertThat(jsonText(uploads)).contains("\"time\":\"2099-11-26T10:30+08:00\"");
    }
}
