package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;

class PayloadRoundTripTest {
    static final long T0 = PlantModelTest.DAY_START + 8 * 3_600_000L;

    final PlantModel model = new PlantModel(RegistryFileTest.demoRegistry(), 11);
    final PayloadDecoder decoder = new PayloadDecoder(model.zone(), 1 << 20);

    @Test
    void oneJsonReadingDecodesBackToTheSameReading() {
        for (MonitoringPoint point : model.points()) {
            Reading reading = point.readingAt(T0);
            byte[] payload = new JsonPayloadEncoder(model.zone()).encode(point.source(), List.of(Upload.data(reading)));

            DecodedPayload decoded = decoder.decode(payload);

            assertThat(decoded.rejections()).isEmpty();
            assertThat(decoded.readings()).containsExactly(reading);
        }
    }

    @Test
    void aBackfillBatchIsOneJsonArrayOfReadings() {
        MonitoringPoint point = model.points().get(0);
        List<Reading> batch = java.util.stream.LongStream.range(0, Simulator.READINGS_PER_BACKFILL_PAYLOAD)
                .mapToObj(i -> point.readingAt(T0 + i * 10_000))
                .toList();
        byte[] payload = new JsonPayloadEncoder(model.zone())
                .encode(point.source(), batch.stream().map(Upload::data).toList());

        assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith("[");
        assertThat(decoder.decode(payload).readings()).isEqualTo(batch);
    }

    @Test
    void hj212FramesCarryTheHeaderAndEveryValue() {
        MonitoringPoint point = model.point("150621A89001D3F3A51C0001");
        List<Reading> readings = List.of(point.readingAt(T0), point.readingAt(T0 + 10_000));
        byte[] payload = new Hj212PayloadEncoder(model.zone())
                .encode(point.source(), readings.stream().map(Upload::data).toList());

        List<DecodeResult> frames =
                Hj212Decoder.of(Hj212Decoder.Options.defaults()).decode(payload);

        assertThat(frames).hasSize(2).allMatch(f -> f instanceof DecodeResult.Decoded);
        for (int i = 0; i < frames.size(); i++) {
            Hj212Packet packet = ((DecodeResult.Decoded) frames.get(i)).packet();
            Reading reading = readings.get(i);
            assertThat(packet.st()).contains("31");
            assertThat(packet.cn()).isEqualTo("2011");
            assertThat(packet.pw()).contains("621001");
            assertThat(packet.mn()).isEqualTo(reading.mn);
            assertThat(packet.flag()).hasValue(4);
            assertThat(packet.dataTime()).contains(LocalDateTime.of(2026, 11, 26, 8, 0, i * 10));
            assertThat(packet.items().keySet()).containsExactlyElementsOf(reading.values.keySet());
            reading.values.forEach((code, value) -> assertItem(packet.items().get(code), value));
        }
    }

    @Test
    void hj212UsesTheFactoryPasswordWhenTheRegistryHasNone() {
        MonitoringPoint heater = model.point("150622A89002B7F4C22E8001");
        byte[] payload = new Hj212PayloadEncoder(model.zone())
                .encode(heater.source(), List.of(Upload.data(heater.readingAt(T0))));

        assertThat(new String(payload, StandardCharsets.US_ASCII))
                .contains(";PW=123456;")
                .endsWith("\r\n");
    }

    private static void assertItem(Hj212Item item, ReadingValue value) {
        assertThat(item.number(Hj212Item.RTD)).hasValue(value.rtd);
        if (value.zsRtd == null) {
            assertThat(item.value(Hj212Item.ZS_RTD)).isEmpty();
        } else {
            assertThat(item.number(Hj212Item.ZS_RTD)).hasValue(value.zsRtd);
        }
        assertThat(item.value(Hj212Item.FLAG)).contains(value.flag);
    }
}
