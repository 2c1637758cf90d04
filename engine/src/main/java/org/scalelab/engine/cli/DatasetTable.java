package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.data.DatasetSummary;

/** The listing of {@code scalelab datasets}: one aligned row per dataset, then how to get the missing ones. */
final class DatasetTable {

    private static final String[] HEADER = {"NAME", "STATUS", "SIZE", "CLASSES", "IMAGE", "SOURCE"};

    private DatasetTable() {
    }

    static void print(DatasetCatalog catalog, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (DatasetSummary summary : catalog.summaries()) {
            rows.add(new String[] {
                    summary.info().name(),
                    summary.status().label(),
                    size(summary.bytesOnDisk()),
                    Integer.toString(summary.info().classCount()),
                    summary.info().shape().toString(),
                    summary.info().source()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length - 1; c++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[c] + "s  ", row[c]));
            }
            out.println(line.append(row[row.length - 1]));
        }
        out.println();
        out.println("Data folder: " + catalog.cacheDir());
        out.println("Get one with: ./scalelab datasets download NAME, or use your copy: "
                + "./scalelab datasets import NAME PATH");
        out.flush();
    }

    /** Decimal units, as download sites and file managers show them; "-" for nothing on disk. */
    static String size(long bytes) {
        if (bytes <= 0) {
            return "-";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
