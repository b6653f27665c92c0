package org.cems.cli.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;

/** The ledger's two tables: enterprise by month (台账), and control device by month (治理设施). */
final class LedgerTables {
    /** Always shown, in this order: the pollutants the plan and HJ 75-2017 account (SO2, NOx, PM, VOCs as NMHC). */
    static final List<String> MAIN_POLLUTANTS = List.of("a21026", "a21002", "a34013", "a24088");
    /** CO2 has its own column from {@code carbon}, not a mass pair. */
    static final String CO2 = "a05001";

    static final String LEDGER_SHEET = "台账 ledger";
    static final String DEVICE_SHEET = "治理设施 devices";

    private LedgerTables() {}

    /** The main pollutants, then any other pollutant with a mass, by code. */
    static List<String> pollutantColumns(List<EnterpriseMonthRow> rows) {
        Set<String> others = new TreeSet<>();
        for (EnterpriseMonthRow r : rows) {
            others.addAll(r.measuredT().keySet());
            others.addAll(r.accountedT().keySet());
        }
        others.removeAll(MAIN_POLLUTANTS);
        others.remove(CO2);
        List<String> codes = new ArrayList<>(MAIN_POLLUTANTS);
        codes.addAll(others);
        return codes;
    }

    static LedgerTable enterprises(List<EnterpriseMonthRow> rows) {
        List<String> pollutants = pollutantColumns(rows);
        List<Column> columns = new ArrayList<>(List.of(
                new Column("企业编号", "enterprise", Column.Kind.TEXT),
                new Column("企业名称", "name", Column.Kind.TEXT),
                new Column("月份", "month", Column.Kind.TEXT)));
        for (String p : pollutants) {
            columns.add(new Column(nameZh(p) + "实测排放量(t)", label(p) + " measured (t)", Column.Kind.TONNES));
            columns.add(new Column(nameZh(p) + "核算排放量(t)", label(p) + " accounted (t)", Column.Kind.TONNES));
        }
        columns.addAll(List.of(
                new Column("二氧化碳排放量(t)", "CO2 (t)", Column.Kind.TONNES),
                new Column("发电量(MWh)", "energy (MWh)", Column.Kind.MWH),
                new Column("发电煤耗(gce/kWh)", "gross coal rate (gce/kWh)", Column.Kind.GCE_KWH),
                new Column("供电煤耗(gce/kWh)", "net coal rate (gce/kWh)", Column.Kind.GCE_KWH),
                new Column("超标小时数", "exceedance hours", Column.Kind.COUNT),
                new Column("修约小时数", "substituted hours", Column.Kind.COUNT),
                new Column("应收小时数", "hours expected", Column.Kind.COUNT),
                new Column("实收小时数", "hours with data", Column.Kind.COUNT),
                new Column("有效小时数", "valid hours", Column.Kind.COUNT),
                new Column("数据传输率(%)", "transmission rate (%)", Column.Kind.PERCENT),
                new Column("数据有效率(%)", "validity (%)", Column.Kind.PERCENT),
                new Column("传输有效率(%)", "valid transmission rate (%)", Column.Kind.PERCENT)));
        List<List<Object>> cells = new ArrayList<>();
        for (EnterpriseMonthRow r : rows) {
            List<Object> row = new ArrayList<>(
                    List.of(r.enterprise(), nullToEmpty(r.name()), r.month().toString()));
            for (String p : pollutants) {
                row.add(r.measuredT().get(p));
                row.add(r.accountedT().get(p));
            }
            row.add(r.co2T());
            row.add(r.energyMwh());
            row.add(r.coalRateGrossGceKwh());
            row.add(r.coalRateNetGceKwh());
            row.add(r.exceededHours());
            row.add(r.substitutedHours());
            row.add(r.expectedHours());
            row.add(r.hoursWithData());
            row.add(r.validHours());
            row.add(r.transmissionPct());
            row.add(r.validityPct());
            row.add(r.transmissionValidityPct());
            cells.add(row);
        }
        return new LedgerTable(LEDGER_SHEET, columns, cells);
    }

    static LedgerTable devices(List<DeviceMonthRow> rows) {
        List<Column> columns = List.of(
                new Column("企业编号", "enterprise", Column.Kind.TEXT),
                new Column("企业名称", "name", Column.Kind.TEXT),
                new Column("月份", "month", Column.Kind.TEXT),
                new Column("设施编号", "device", Column.Kind.TEXT),
                new Column("设施类型", "device type", Column.Kind.TEXT),
                new Column("污染物", "pollutant", Column.Kind.TEXT),
                new Column("排放口", "outlet", Column.Kind.TEXT),
                new Column("去除效率(%)", "efficiency (%)", Column.Kind.PERCENT),
                new Column("有效天数", "valid days", Column.Kind.COUNT),
                new Column("投运率(%)", "operating rate (%)", Column.Kind.PERCENT),
                new Column("投运率天数", "operating-rate days", Column.Kind.COUNT));
        List<List<Object>> cells = new ArrayList<>();
        for (DeviceMonthRow r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(r.enterprise());
            row.add(nullToEmpty(r.name()));
            row.add(r.month().toString());
            row.add(r.device());
            row.add(r.deviceType());
            row.add(label(r.pollutant()));
            row.add(r.outlet());
            row.add(r.efficiencyPct());
            row.add(r.validDays());
            row.add(r.operatingRatePct());
            row.add(r.operatingDays());
            cells.add(row);
        }
        return new LedgerTable(DEVICE_SHEET, columns, cells);
    }

    private static String nameZh(String code) {
        return ParameterCatalogue.standard().find(code).map(Parameter::name).orElse(code);
    }

    private static String label(String code) {
        return ParameterCatalogue.standard().find(code).map(Parameter::label).orElse(code);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
