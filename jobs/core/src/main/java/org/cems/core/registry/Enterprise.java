package org.cems.core.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An enterprise with its monitoring points and control devices. */
public class Enterprise implements Serializable {
    private static final long serialVersionUID = 1L;
    public String id;
    public String name;
    public String park;
    public String industry;
    /** Baseline-year emissions in tonnes by pollutant code. */
    public Map<String, Double> baselineT = new LinkedHashMap<>();
    /**
     * The baseline year's tonnes by pollutant code and month (1-12), where known: the year-to-date
     * projection then follows the baseline year's monthly profile (heating season) instead of an
     * even spread; {@link #baselineT} is their sum when not given.
     */
    public Map<String, Map<Integer, Double>> baselineMonthlyT = new LinkedHashMap<>();
    /** The site's ambient pressure, kPa, or its altitude, m: the default of its sources (see {@link Source#ambientPressureKpa}). */
    public Double ambientPressureKpa;

    public Double altitudeM;
    /** The site's position, WGS 84 degrees (north, east), for the dashboards' map; optional. */
    public Double lat;

    public Double lon;
    public List<Source> sources = new ArrayList<>();
    public List<Device> devices = new ArrayList<>();
}
