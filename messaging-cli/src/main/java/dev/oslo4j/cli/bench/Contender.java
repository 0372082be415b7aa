package dev.oslo4j.cli.bench;

/** One side of a comparison (oslo4j, a baseline): runs a benchmark pattern and reports what it achieved. */
public interface Contender {

    String name();

    RunResult run(LoadSpec spec, Progress progress) throws Exception;

    /** A contender whose pattern is a {@link Workload} driven by the {@link LoadRunner} of this JVM. */
    static Contender of(String name, WorkloadFactory factory) {
        return new Contender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RunResult run(LoadSpec spec, Progress progress) throws Exception {
                try (Workload workload = factory.open(spec)) {
                    return new LoadRunner(spec, progress).run(workload);
                }
            }
        };
    }

    /** Opens a workload with its receiving side running, sized for {@code spec}. */
    @FunctionalInterface
    interface WorkloadFactory {
        Workload open(LoadSpec spec) throws Exception;
    }
}
