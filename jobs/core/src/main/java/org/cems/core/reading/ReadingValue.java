package org.cems.core.reading;

import java.util.Objects;
import org.cems.hj212.DataFlag;

/**
 * One parameter of a reading, with the HJ 212 suffixes as fields (Rtd, Min, Avg, Max, ZsRtd, ...).
 * A Flink POJO (public fields, no-arg constructor) so it is serialized without Kryo.
 */
public class ReadingValue {
    public Double rtd;
    public Double min;
    public Double avg;
    public Double max;
    public Double zsRtd;
    public Double zsMin;
    public Double zsAvg;
    public Double zsMax;
    public Double cou;
    /** HJ 212-2017 Table 8 data flag (N F M S D C T B); null when the gateway sent none. */
    public String flag;

    public String eflag;

    public ReadingValue() {}

    /** The value that represents the period: Rtd for real-time data, Avg for minute/hour/day data. */
    public Double primary() {
        return rtd != null ? rtd : avg;
    }

    /** The reference-O2 (折算) value the gateway computed itself, if any. */
    public Double primaryZs() {
        return zsRtd != null ? zsRtd : zsAvg;
    }

    /** Only flag N (instrument normal) counts as valid data; a missing flag is taken as N. */
    public boolean isValid() {
        return DataFlag.N.name().equals(flagOrNormal());
    }

    /** The data flag as it is stored and shown: N when the gateway sent none. */
    public String flagOrNormal() {
        return flag == null ? DataFlag.N.name() : flag;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReadingValue v)) {
            return false;
        }
        return Objects.equals(rtd, v.rtd)
                && Objects.equals(min, v.min)
                && Objects.equals(avg, v.avg)
                && Objects.equals(max, v.max)
                && Objects.equals(zsRtd, v.zsRtd)
                && Objects.equals(zsMin, v.zsMin)
                && Objects.equals(zsAvg, v.zsAvg)
                && Objects.equals(zsMax, v.zsMax)
                && Objects.equals(cou, v.cou)
                && Objects.equals(flag, v.flag)
                && Objects.equals(eflag, v.eflag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rtd, avg, zsRtd, zsAvg, flag);
    }

    @Override
    public String toString() {
        return "ReadingValue{rtd=" + rtd + ", avg=" + avg + ", zsRtd=" + zsRtd + ", zsAvg=" + zsAvg + ", flag=" + flag
                + "}";
    }
}
