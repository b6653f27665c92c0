package org.cems.core.normalize;

import java.util.Objects;

/**
 * One parameter after normalisation: gas concentrations dry and at standard state in mg/m3,
 * flow standard-dry in m3/h, O2 dry in %. {@code refMgM3} is the reference-O2 (折算)
 * concentration where it applies. A Flink POJO.
 */
public class Measure {
    public double value;
    public Double refMgM3;
    public boolean valid;
    public String flag;
    /**
     * The data logger's own total of the period (HJ 212-2017 {@code -Cou}), kg for pollutants
     * (Table B.2); null when it sent none or for real-time data.
     */
    public Double couKg;

    public Measure() {}

    public Measure(double value, Double refMgM3, boolean valid, String flag) {
        this.value = value;
        this.refMgM3 = refMgM3;
        this.valid = valid;
        this.flag = flag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measure m
                && Double.compare(value, m.value) == 0
                && Objects.equals(refMgM3, m.refMgM3)
                && valid == m.valid
                && Objects.equals(flag, m.flag)
                && Objects.equals(couKg, m.couKg);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, refMgM3, valid, flag);
    }

    @Override
    public String toString() {
        return value + (refMgM3 == null ? "" : " (ref " + refMgM3 + ")") + (valid ? "" : " invalid " + flag);
    }
}
