package org.scalelab.app.export;

import java.util.List;

/**
 * A table as text cells, the form in which the runs library and the scaling table are exported.
 *
 * @param rows each row has one cell per header
 */
public record Table(String title, List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells for "
                        + headers.size() + " headers");
            }
        }
    }
}
