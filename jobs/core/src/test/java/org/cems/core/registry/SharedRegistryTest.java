package org.cems.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class SharedRegistryTest {

    /** A function of the job as Flink ships it: serialized on its own, holding the registry. */
    record Step(String name, Registry registry) implements Serializable {}

    @Test
    void everyFunctionOfAJobGetsTheOneDecodedRegistry() throws Exception {
        Registry loaded = RegistryLoaderTest.parse(RegistryLoaderTest.CONTRACT_EXAMPLE);

        Step router = roundTrip(new Step("router", loaded));
        Step windows = roundTrip(new Step("windows", loaded));

        assertThat(router.registry()).isNotSameAs(loaded).isSameAs(windows.registry());
        Registry shared = router.registry();
        assertThat(shared.city).isEqualTo("Ordos");
        assertThat(shared.target(2026, "nox_reduction_t")).isEqualTo(923);
        SourceRef stack = shared.byMn("010000A8900016F000169DC0");
        assertThat(stack.enterprise().id).isEqualTo("dlt-power");
        assertThat(stack.source().limitsMgM3).containsEntry("a21026", 35.0);
        assertThat(shared.enterprises.get(0).devices.get(0).id).isEqualTo("u1-scr");
        assertThat(SharedRegistry.writingContent()).isFalse();
    }

    @Test
    void registriesOfDifferentContentStayApart() throws Exception {
        Registry ordos = RegistryLoaderTest.parse(RegistryLoaderTest.CONTRACT_EXAMPLE);
        Registry other =
                RegistryLoaderTest.parse(RegistryLoaderTest.CONTRACT_EXAMPLE.replace("city: Ordos", "city: Baotou"));

        assertThat(roundTrip(new Step("a", ordos)).registry().city).isEqualTo("Ordos");
        assertThat(roundTrip(new Step("b", other)).registry().city).isEqualTo("Baotou");
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(o)))) {
            return (T) in.readObject();
        }
    }
}
