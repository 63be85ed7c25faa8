package org.tipline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds spent so far, per part of the machine, from Linux's {@code /proc}: the gateway, PostgreSQL (every
 * server process, plus what its exited backends used, which the kernel charges to the postmaster), this harness's
 * JVM (the load generator, the delivery consumer and — with the local stack — the Kafka broker), and the whole
 * machine; and, as a part of the gateway's, its JIT compiler threads. Parts that cannot be read (not Linux, external
 * servers) read as zero.
 */
final class CpuAccount {

    private static final double CLOCK_TICKS = 100;

    private CpuAccount() {
    }

    /**
     * CPU seconds used so far: {@code gateway}, {@code postgres}, {@code harness}, {@code machine}, and {@code jit}
     * (the gateway's compiler threads, included in {@code gateway}).
     */
    static Map<String, Double> now(long gatewayPid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("gateway", process(gatewayPid));
        seconds.put("postgres", postgres());
        seconds.put("harness", process(ProcessHandle.current().pid()));
        seconds.put("machine", machine());
        seconds.put("jit", jit(gatewayPid));
        return seconds;
    }

    /** CPU seconds of the JIT compiler threads ({@code C1/C2 CompilerThread<n>}) of process {@code pid}. */
    static double jit(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.map(thread -> Stat.read(thread.resolve("stat")))
                    .filter(stat -> stat != null && stat.command().contains("CompilerThre"))
                    .mapToDouble(stat -> stat.seconds(false)).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Per part, the seconds used between {@code before} and {@code after} for each 1,000 of {@code count}. */
    static Map<String, Double> per1000(Map<String, Double> before, Map<String, Double> after, long count) {
        Map<String, Double> per1000 = new LinkedHashMap<>();
        before.forEach((part, start) -> per1000.put(part,
                count == 0 ? null : Math.round((after.get(part) - start) / count * 1000 * 100) / 100.0));
        return per1000;
    }

    private static double postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> Stat.read(p.resolve("stat"))).filter(s -> s != null && s.isPostgres())
                    .mapToDouble(s -> s.seconds(isPostmaster(s))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The postmaster is the postgres process whose parent is not one; reaped backends are charged to it. */
    private static boolean isPostmaster(Stat stat) {
        Stat parent = Stat.read(Path.of("/proc", String.valueOf(stat.parentPid()), "stat"));
        return parent == null || !parent.isPostgres();
    }

    private static double process(long pid) {
        Stat stat = Stat.read(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? 0 : stat.seconds(false);
    }

    /** The fields of {@code /proc/<pid>/stat} used here (proc(5) fields 2, 4 and 14 to 17). */
    private record Stat(String command, long parentPid, long userTicks, long systemTicks, long childUserTicks,
            long childSystemTicks) {

        /** The process's stat, or null if it is gone. The command is in parentheses and may contain spaces. */
        static Stat read(Path file) {
            try {
                String line = Files.readString(file);
                String command = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" "); // fields[0] is field 3
                return new Stat(command, Long.parseLong(fields[1]), Long.parseLong(fields[11]),
                        Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        boolean isPostgres() {
            return command.equals("postgres");
        }

        double seconds(boolean withReapedChildren) {
            long ticks = userTicks + systemTicks + (withReapedChildren ? childUserTicks + childSystemTicks : 0);
            return ticks / CLOCK_TICKS;
        }
    }

    /** Busy time of all CPUs: everything in the first line of /proc/stat but idle and iowait. */
    private static double machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
