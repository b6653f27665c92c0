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
     * Key-value pairs kept sorted by key as they are added: a point has a handful of tags and fields,
     * for which insertion into two small arrays is cheaper than a TreeMap (a twentieth of the job's time).
     */
    private static final class SortedPairs<V> {
        private String[] keys = new String[8];
        private Object[] values = new Object[8];
        private int size;

        void put(String key, V value) {
            int i = 0;
            while (i < size && keys[i].compareTo(key) < 0) {
                i++;
            }
            if (i < size && keys[i].equals(key)) {
                values[i] = value;
                return;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(keys, i, keys, i + 1, size - i);
            System.arraycopy(values, i, values, i + 1, size - i);
            keys[i] = key;
            values[i] = value;
            size++;
        }

        void remove(String key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    System.arraycopy(keys, i + 1, keys, i, size - i - 1);
                    System.arraycopy(values, i + 1, values, i, size - i - 1);
                    size--;
                    keys[size] = null;
                    values[size] = null;
                    return;
                }
            }
        }

        String[] keys() {
            return Arrays.copyOf(keys, size);
        }

        @SuppressWarnings("unchecked")
        <T> T[] values(T[] type) {
            return (T[]) Arrays.copyOf(values, size, type.getClass());
        }
    }
}
