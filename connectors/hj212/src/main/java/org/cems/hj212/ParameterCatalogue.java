package org.cems.hj212;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cems.hj212.Parameter.Basis;
import org.cems.hj212.Parameter.Category;

/**
 * The one parameter catalogue: every HJ 212-2017 Table B.2 air code and the process keys, with
 * what the job knows of each (category, units, molar mass, basis, reference O2, KPI indicator).
 * Read from the resource {@code hj212-2017-air-codes.tsv}; a pollutant is one row of it (see
 * docs/extending.md). A malformed row stops the program at start, naming the line.
 */
public final class ParameterCatalogue implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "hj212-2017-air-codes.tsv";
    static final String PPM = "ppm";
    static final String PCT = "pct";
    private static final List<String> COLUMNS = List.of(
            "code",
            "name_zh",
            "legacy",
            "hj_unit",
            "hj_emission_unit",
            "hj_type",
            "label",
            "label_zh",
            "category",
            "units",
            "molar_mass_g_mol",
            "basis",
            "ref_o2",
            "indicator");
    private static final String NO_LEGACY_CODE = "--";
    private static final Map<String, Basis> BASES =
            Map.of("std_dry", Basis.STANDARD_DRY, "dry", Basis.DRY, "", Basis.AS_REPORTED);

    private static final ParameterCatalogue STANDARD = parse(readResource());

    private final Map<String, Parameter> byCode;

    private ParameterCatalogue(Map<String, Parameter> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The catalogue shipped with the codec. */
    public static ParameterCatalogue standard() {
        return STANDARD;
    }

    public Optional<Parameter> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The parameter of a code the catalogue must hold (a code the program names itself). */
    public Parameter get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("no parameter " + code + " in " + RESOURCE));
    }

    /** Every row, in the table's order. */
    public Collection<Parameter> all() {
        return byCode.values();
    }

    public boolean isPollutant(String code) {
        return find(code).map(Parameter::isPollutant).orElse(false);
    }

    /**
     * Whether the job computes anything from the code (a category other than {@link Parameter.Category#OTHER}):
     * a reading with none of these is not a reading (HJ 212 item codes the job cannot use).
     */
    public boolean isComputedFrom(String code) {
        return find(code).map(p -> p.category() != Parameter.Category.OTHER).orElse(false);
    }

    /** A catalogue from the text of a table shaped as {@code hj212-2017-air-codes.tsv}. */
    public static ParameterCatalogue parse(String table) {
        Map<String, Parameter> byCode = new LinkedHashMap<>();
        Map<String, Integer> column = null;
        String[] lines = table.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (column == null) {
                column = header(line);
                continue;
            }
            Parameter p = row(line.split("\t", -1), column, "line " + (i + 1));
            if (byCode.putIfAbsent(p.code(), p) != null) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + p.code() + " is listed twice");
            }
        }
        return new ParameterCatalogue(byCode);
    }

    private static Map<String, Integer> header(String line) {
        List<String> names = Arrays.asList(line.split("\t"));
        if (!names.containsAll(COLUMNS)) {
            throw new IllegalStateException(RESOURCE + ": the header " + names + " lacks some of " + COLUMNS);
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i), i);
        }
        return column;
    }

    private static Parameter row(String[] cells, Map<String, Integer> column, String at) {
        Cells c = new Cells(cells, column);
        String code = c.get("code");
        String where = RESOURCE + " " + at + " (" + code + ")";
        String name = c.get("label_zh").isEmpty() ? c.get("name_zh") : c.get("label_zh");
        String legacy = c.get("legacy");
        String category = c.get("category");
        String units = c.get("units");
        String molarMass = c.get("molar_mass_g_mol");
        Basis basis = BASES.get(c.get("basis"));
        String refO2 = c.get("ref_o2");
        if (code.isEmpty() || basis == null || !(refO2.isEmpty() || refO2.equals("yes"))) {
            throw new IllegalStateException(where + ": needs a code, basis std_dry, dry or blank, ref_o2 yes or blank");
        }
        Parameter p = new Parameter(
                code,
                name,
                c.get("label"),
                legacy.isEmpty() || legacy.equals(NO_LEGACY_CODE) ? null : legacy,
                category.isEmpty() ? Category.OTHER : Category.valueOf(category.toUpperCase(Locale.ROOT)),
                units.isEmpty() ? List.of() : List.of(units.split(",")),
                molarMass.isEmpty() ? null : Double.valueOf(molarMass),
                basis,
                refO2.equals("yes"),
                c.get("indicator").isEmpty() ? null : c.get("indicator"));
        String problem = problem(p);
        if (problem != null) {
            throw new IllegalStateException(where + ": " + problem);
        }
        return p;
    }

    /** What makes a row unusable by the job, or null. */
    private static String problem(Parameter p) {
        if (p.category() == Category.OTHER) {
            return p.units().isEmpty() && p.basis() == Basis.AS_REPORTED && !p.referenceO2() && p.indicator() == null
                    ? null
                    : "a row with units, basis, ref_o2 or indicator needs a category";
        }
        if (p.label().isEmpty() || p.name().isEmpty() || p.units().isEmpty()) {
            return "a parameter of the job needs a label, a Chinese name and its units";
        }
        // eq. (20): ppm, and vol % of a mass concentration, become mg/m3 through the molar mass
        boolean volumeRatioToMass =
                p.units().contains(PPM) || (p.isMassConcentration() && p.units().contains(PCT));
        if (volumeRatioToMass && p.molarMassGPerMol() == null) {
            return "ppm (or vol % of a mass concentration) needs molar_mass_g_mol";
        }
        if ((p.isPollutant() || p.referenceO2()) && !p.isMassConcentration()) {
            return "pollutants and the reference-O2 concentration are mass concentrations: basis std_dry";
        }
        if (p.indicator() != null && !p.isPollutant()) {
            return "only a pollutant has a KPI indicator";
        }
        return null;
    }

    /** The cells of one row by column name; a row may end before its last, blank, columns. */
    private record Cells(String[] cells, Map<String, Integer> column) {
        String get(String name) {
            int i = column.get(name);
            return i < cells.length ? cells[i].trim() : "";
        }
    }

    private static String readResource() {
        try (InputStream in = ParameterCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
