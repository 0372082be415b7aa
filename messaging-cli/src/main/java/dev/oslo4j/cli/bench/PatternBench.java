package dev.oslo4j.cli.bench;

import dev.oslo4j.cli.BrokerChoice;
import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.JsonOutput;
import dev.oslo4j.cli.StderrTerminal;
import dev.oslo4j.cli.bench.oslo.OsloWorkloads;
import dev.oslo4j.cli.bench.python.PythonBaseline;
import dev.oslo4j.cli.bench.python.PythonContender;
import dev.oslo4j.cli.bench.raw.RawPublishConsume;
import dev.oslo4j.cli.bench.raw.RawRequestReply;
import dev.oslo4j.cli.options.HelpOption;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j bench <pattern>}: measures oslo4j on one messaging pattern, then each requested baseline on the
 * same broker in the same run, and prints them side by side. Exits 1 when any contender had errors.
 */
abstract class PatternBench implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    abstract BenchPattern pattern();

    @Override
    public Integer call() throws Exception {
        LoadSpec load = options.spec();
        Sweep sweep = options.sweep();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = StderrTerminal.isTerminal() ? new ProgressBar(err) : null;
        Progress progress = bar != null ? bar : Progress.NONE;
        try (BrokerChoice broker = BrokerChoice.open(options.url())) {
            List<Contender> contenders = contenders(broker);
            if (sweep != null) {
                return sweep(sweep, load, contenders, broker, progress, out);
            }
            BenchReport report = run(load, contenders, broker, progress);
            if (options.json()) {
                JsonOutput.print(out, report.json());
            } else {
                out.print(report.text());
                out.flush();
            }
            return report.errors() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private BenchReport run(LoadSpec load, List<Contender> contenders, BrokerChoice broker, Progress progress)
            throws Exception {
        List<RunResult> results = new ArrayList<>();
        for (Contender contender : contenders) {
            try {
                results.add(contender.run(load, progress));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // one contender that cannot run (Python past its deadline, a refused connection) is that
                // contender's error, reported with the others' figures: a sweep goes on to its next point
                progress.end();
                results.add(RunResult.failed(contender.name(), load, e));
            }
        }
        return new BenchReport(pattern(), broker.description(), load, results);
    }

    private int sweep(Sweep sweep, LoadSpec base, List<Contender> contenders, BrokerChoice broker, Progress progress,
                      PrintWriter out) throws Exception {
        List<BenchReport> points = new ArrayList<>();
        for (LoadSpec load : sweep.loads(base)) {
            points.add(run(load, contenders, broker, progress));
        }
        SweepReport report = new SweepReport(sweep, points);
        if (options.json()) {
            JsonOutput.print(out, report.json());
        } else {
            out.print(report.text());
            out.flush();
        }
        if (options.plot() != null) {
            SweepChart.write(report, options.plot());
            if (!options.json()) {
                out.println("plot: " + options.plot());
                out.flush();
            }
        }
        return report.errors() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<Contender> contenders(BrokerChoice broker) {
        List<Contender> contenders = new ArrayList<>();
        OsloWorkloads.Threading threading = new OsloWorkloads.Threading(options.receiverExecutor(),
                options.completionExecutor());
        contenders.add(OsloWorkloads.contender(pattern(), broker.transportUrl(), options.timeout(), broker.raw(),
                threading));
        if (options.observe()) {
            contenders.add(OsloWorkloads.observedContender(pattern(), broker.transportUrl(), options.timeout(),
                    broker.raw(), threading));
        }
        for (BenchOptions.Baseline baseline : options.baselines()) {
            contenders.add(switch (baseline) {
                case RAW -> Contender.of("raw amqp-client", load -> pattern() == BenchPattern.RPC_CALL
                        ? new RawRequestReply(broker.raw(), RawRequestReply.serverThreadsFor(load),
                                Payloads.bytes(load.payloadBytes()), options.timeout())
                        : new RawPublishConsume(broker.raw(), Payloads.bytes(load.payloadBytes()),
                                options.timeout()));
                case PYTHON -> new PythonContender(PythonBaseline.fromEnvironment(), pattern(),
                        broker.transportUrl(), broker.raw());
            });
        }
        return contenders;
    }
}
