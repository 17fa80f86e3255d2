package org.gfe.knime.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Where and how a figure was measured: date, machine, JVM, versions, command, seeds. */
record Provenance(List<String> lines) {

    static Provenance of(String command, String seeds) {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 20;
        return new Provenance(List.of(
                "date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memory + " MiB RAM, "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                        + "; DJL 0.35.1, PyTorch 2.7.1 (CPU, 1 intra-op thread)",
                "command: " + command,
                "seeds: " + seeds));
    }
}
