package org.linkwork.outcomes.kpi;

import java.util.List;

/** The KPI tables as one CSV: a row per cell, with each table's total as the row "total". */
public final class KpiCsv {

    private KpiCsv() {
    }

    public static String write(KpiReport report) {
        StringBuilder csv = new StringBuilder("table,key,value,suppressed\r\n");
        for (KpiTable table : report.tables()) {
            for (KpiTable.Row row : table.rows()) {
                line(csv, table.name(), row.key(), row.value(), row.suppressed());
            }
            if (table.total() != null || table.totalSuppressed()) {
                line(csv, table.name(), "total", table.total(), table.totalSuppressed());
            }
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String table, String key, Number value, boolean suppressed) {
        csv.append(String.join(",", List.of(cell(table), cell(key), value == null ? "" : value.toString(), String.valueOf(suppressed))))
                .append("\r\n");
    }

    /** RFC 4180 quoting, and a leading formula character defused so a spreadsheet shows it as text. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
