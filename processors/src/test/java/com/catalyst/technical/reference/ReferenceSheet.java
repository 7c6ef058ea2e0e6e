package com.catalyst.technical.reference;

import com.catalyst.market.Bar;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of ta4j's indicator spreadsheets (Excel 97) as read with POI: the parameters, the header and the data rows
 * with the values Excel cached for each formula. Layout: title in A1, a parameter block (name | number), a header
 * row starting "Date", data rows (Date as an Excel serial day, Open, High, Low, Close, Volume, more columns);
 * rows whose first cell is "//" are comments. A formula that cached an error reads as NaN.
 */
public record ReferenceSheet(String title, Map<String, Double> params, List<String> header, List<double[]> rows) {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    public static ReferenceSheet read(Path file) {
        try (InputStream in = Files.newInputStream(file); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            Map<String, Double> params = new HashMap<>();
            List<String> header = null;
            List<double[]> rows = new ArrayList<>();
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first == null || row.getRowNum() == 0) {
                    continue;
                }
                if (header == null && first.getCellType() == CellType.STRING && "Date".equals(first.getStringCellValue())) {
                    header = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        header.add(cell == null ? "" : cell.getStringCellValue());
                    }
                } else if (header == null) {
                    Cell value = row.getCell(1);
                    if (first.getCellType() == CellType.STRING && value != null && value.getCellType() == CellType.NUMERIC) {
                        params.put(first.getStringCellValue(), value.getNumericCellValue());
                    }
                } else if (first.getCellType() == CellType.NUMERIC) {
                    double[] values = new double[header.size()];
                    for (int c = 0; c < values.length; c++) {
                        values[c] = numberIn(row.getCell(c));
                    }
                    rows.add(values);
                }
                // anything else after the header is a "//" comment or an empty line
            }
            if (header == null) {
                throw new IllegalStateException(file + " has no header row starting with Date");
            }
            return new ReferenceSheet(title, params, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int param(String name) {
        Double value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name + " in " + params);
        }
        return value.intValue();
    }

    /** The values of the first column with this header, one per data row. */
    public double[] column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }

    /** The data rows as bars ending at midnight UTC of each date. */
    public List<Bar> bars() {
        return rows.stream()
                .map(row -> new Bar(EXCEL_EPOCH.plusDays((long) row[0]).atStartOfDay().toInstant(ZoneOffset.UTC),
                        row[1], row[2], row[3], row[4], Math.round(row[5])))
                .toList();
    }

    private static double numberIn(Cell cell) {
        if (cell == null) {
            return Double.NaN;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC ? cell.getNumericCellValue() : Double.NaN;
    }
}
