package org.gfe.knime.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path folder;

    @Test
    void readsQuotedHeadersNumbersAndMissingCells() throws IOException {
        Path file = folder.resolve("t.csv");
        Files.writeString(file, "\"a\",\"b, c\",class\n1,2.5,x\n,NA,\"y \"\"q\"\"\"\n3,-1e-3,z\n\n");
        CsvFile csv = CsvFile.read(file);
        assertEquals(List.of("a", "b, c", "class"), csv.header());
        assertEquals(3, csv.rowCount());
        assertTrue(csv.isNumeric(0) && csv.isNumeric(1));
        assertFalse(csv.isNumeric(2));
        assertEquals("y \"q\"", csv.cells().get(1)[2]);
        assertEquals(List.of("a", "b, c"), csv.numericColumns());
        assertEquals(List.of("b, c"), csv.numericColumns("a"));
        double[][] numbers = csv.numbers(List.of("a", "b, c"));
        assertArrayEquals(new double[] {1, 2.5}, numbers[0]);
        assertTrue(Double.isNaN(numbers[1][0]) && Double.isNaN(numbers[1][1]));
        assertArrayEquals(new double[] {3, -1e-3}, numbers[2]);
    }

    @Test
    void aLineOfTheWrongWidthIsNamed() throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\n3\n");
        IOException error = assertThrows(IOException.class, () -> CsvFile.read(file));
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }
}
