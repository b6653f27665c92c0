package org.cems.connector.influxdb;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One InfluxDB point: measurement, tags, fields and a time in epoch milliseconds. Immutable.
 *
 * <p>Tags and fields are kept as sorted parallel arrays rather than maps: sorted tags are what
 * InfluxDB wants on the wire. Between Flink tasks a point travels with {@link InfluxPointSerializer}
 * (declared by {@link TypeInfo}), not Kryo, which cost a sixth of the job's time in the benchmark.
 *
 * <p>Field values are {@link Double}, {@link Long}, {@link Boolean} or {@link String}. A tag with a
 * null or empty value is left out, as InfluxDB stores no empty tags. A NaN or infinite field is kept
 * here and dropped (and counted) by the sink, so the count reflects what the source produced.
 */
@PublicEvolving
@TypeInfo(InfluxPointTypeInfoFactory.class)
public final class InfluxPoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String measurement;
    private final String[] tagKeys;
    private final String[] tagValues;
    private final String[] fieldKeys;
    private final Object[] fieldValues;
    private final long timeMillis;

    /** The arrays are taken as they are: already sorted by key and checked, by the builder or the serializer. */
    InfluxPoint(
            String measurement,
            String[] tagKeys,
            String[] tagValues,
            String[] fieldKeys,
            Object[] fieldValues,
            long timeMillis) {
        this.measurement = measurement;
        this.tagKeys = tagKeys;
        this.tagValues = tagValues;
        this.fieldKeys = fieldKeys;
        this.fieldValues = fieldValues;
        this.timeMillis = timeMillis;
    }

    public static Builder measurement(String measurement) {
        return new Builder(measurement);
    }

    public String measurement() {
        return measurement;
    }

    /** Tags sorted by key. */
    public SortedMap<String, String> tags() {
        SortedMap<String, String> tags = new TreeMap<>();
        for (int i = 0; i < tagKeys.length; i++) {
            tags.put(tagKeys[i], tagValues[i]);
        }
        return Collections.unmodifiableSortedMap(tags);
    }

    /** Fields sorted by key. */
    public SortedMap<String, Object> fields() {
        SortedMap<String, Object> fields = new TreeMap<>();
        for (int i = 0; i < fieldKeys.length; i++) {
            fields.put(fieldKeys[i], fieldValues[i]);
        }
        return Collections.unmodifiableSortedMap(fields);
    }

    public long timeMillis() {
        return timeMillis;
    }

    int tagCount() {
        return tagKeys.length;
    }

    String tagKey(int i) {
        return tagKeys[i];
    }

    String tagValue(int i) {
        return tagValues[i];
    }

    int fieldCount() {
        return fieldKeys.length;
    }

    String fieldKey(int i) {
        return fieldKeys[i];
    }

    Object fieldValue(int i) {
        return fieldValues[i];
    }

    /** Whether at least one field survives the rule that NaN and infinities are never written. */
    boolean hasWritableField() {
        for (Object value : fieldValues) {
            if (!isNonFinite(value)) {
                return true;
            }
        }
        return false;
    }

    static boolean isNonFinite(Object value) {
        return value instanceof Double && !Double.isFinite((Double) value);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof InfluxPoint)) {
            return false;
        }
        InfluxPoint other = (InfluxPoint) o;
        return timeMillis == other.timeMillis
                && measurement.equals(other.measurement)
                && Arrays.equals(tagKeys, other.tagKeys)
                && Arrays.equals(tagValues, other.tagValues)
                && Arrays.equals(fieldKeys, other.fieldKeys)
                && Arrays.equals(fieldValues, other.fieldValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                measurement,
                Arrays.hashCode(tagKeys),
                Arrays.hashCode(tagValues),
                Arrays.hashCode(fieldKeys),
                Arrays.hashCode(fieldValues),
                timeMillis);
    }

    @Override
    public String toString() {
        return "InfluxPoint{" + measurement + ", tags=" + tags() + ", fields=" + fields() + ", time=" + timeMillis
                + "}";
    }

    /** Builds one point; {@link #timeMillis(long)} is required so no two points share server time. */
    @PublicEvolving
    public static final class Builder {
        private final String measurement;
        private final SortedPairs<String> tags = new SortedPairs<>();
        private final SortedPairs<Object> fields = new SortedPairs<>();
        private Long timeMillis;

        private Builder(String measurement) {
            this.measurement = requireName(measurement, "measurement");
            if (measurement.startsWith("#")) {
                // the server would take the whole line for a comment and drop it without a word
                throw new IllegalArgumentException("measurement must not start with '#': " + measurement);
            }
        }

        /** Adds a tag; a null or empty value leaves the tag out, as InfluxDB does. */
        public Builder tag(String key, String value) {
            requireName(key, "tag key");
            if (value == null || value.isEmpty()) {
                tags.remove(key);
            } else {
                tags.put(key, value);
            }
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            tags.forEach(this::tag);
            return this;
        }

        public Builder field(String key, double value) {
            fields.put(requireName(key, "field key"), value);
            return this;
        }

        public Builder field(String key, long value) {
            fields.put(requireName(key, "field key"), value);
            return this;
        }

        public Builder field(String key, boolean value) {
            fields.put(requireName(key, "field key"), value);
            return this;
        }

        /** Adds a string field; a null value leaves the field out. */
        public Builder field(String key, String value) {
            requireName(key, "field key");
            if (value == null) {
                fields.remove(key);
            } else {
                fields.put(key, value);
            }
            return this;
        }

        public Builder timeMillis(long epochMillis) {
            this.timeMillis = epochMillis;
            return this;
        }

        public InfluxPoint build() {
            if (timeMillis == null) {
                throw new IllegalStateException("point '" + measurement + "' has no time: points without one"
                        + " would take the server's clock and overwrite each other");
            }
            return new InfluxPoint(
                    measurement,
                    tags.keys(),
                    tags.values(new String[0]),
                    fields.keys(),
                    fields.values(new Object[0]),
                    timeMillis);
        }

        private static String requireName(String name, String what) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be null or empty");
            }
            return name;
        }
    }

    /**
     * Key-value pairs, sorted by key once, when the point is built: a wide point has some 80 fields
     * (docs/interface.md "Outputs": a field set per pollutant), for which keeping the arrays sorted
     * on every insertion cost a quadratic number of key comparisons, and a TreeMap before it a
     * twentieth of the job's time. A key added again replaces its earlier value.
     */
    private static final class SortedPairs<V> {
        private String[] keys = new String[16];
        private Object[] values = new Object[16];
        private int size;
        private boolean sorted = true;

        void put(String key, V value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            sorted = sorted && (size == 0 || keys[size - 1].compareTo(key) < 0);
            keys[size] = key;
            values[size] = value;
            size++;
        }

        void remove(String key) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!keys[i].equals(key)) {
                    keys[kept] = keys[i];
                    values[kept] = values[i];
                    kept++;
                }
            }
            Arrays.fill(keys, kept, size, null);
            Arrays.fill(values, kept, size, null);
            size = kept;
        }

        String[] keys() {
            sort();
            return Arrays.copyOf(keys, size);
        }

        @SuppressWarnings("unchecked")
        <T> T[] values(T[] type) {
            sort();
            return (T[]) Arrays.copyOf(values, size, type.getClass());
        }

        /** Sorts by key, keeping the value added last of a key added more than once. */
        private void sort() {
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            // stable: of equal keys, the one added last comes last
            Arrays.sort(order, (x, y) -> keys[x].compareTo(keys[y]));
            String[] sortedKeys = new String[keys.length];
            Object[] sortedValues = new Object[keys.length];
            int n = 0;
            for (int i = 0; i < size; i++) {
                int at = order[i];
                if (n > 0 && sortedKeys[n - 1].equals(keys[at])) {
                    n--;
                }
                sortedKeys[n] = keys[at];
                sortedValues[n] = values[at];
                n++;
            }
            keys = sortedKeys;
            values = sortedValues;
            size = n;
            sorted = true;
        }
    }
}
