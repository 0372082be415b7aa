package dev.oslo4j.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;

/**
 * {@code --plot FILE}: a sweep drawn with JFreeChart — rate (msg/s) above, p99 latency (ms) below, against the
 * swept value on a log scale, one line per contender (oslo4j, raw amqp-client, Python). PNG or SVG by the file's
 * extension.
 */
public final class SweepChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 700;

    private SweepChart() {
    }

    /** The image format for {@code file}'s extension; an IllegalArgumentException for anything else. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".svg")) {
            return "svg";
        }
        throw new IllegalArgumentException("--plot: '" + file + "' must end in .png or .svg");
    }

    public static void write(SweepReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = chart(report);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (formatOf(file).equals("png")) {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return;
        }
        SVGGraphics2D svg = new SVGGraphics2D(newDocument());
        svg.setSVGCanvasSize(new java.awt.Dimension(WIDTH, HEIGHT));
        chart.draw((Graphics2D) svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        try (OutputStream os = Files.newOutputStream(file);
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            svg.stream(w, true);
        }
    }

    static JFreeChart chart(SweepReport report) {
        List<String> names = report.points().get(0).results().stream().map(RunResult::name).toList();
        XYSeriesCollection rates = new XYSeriesCollection();
        XYSeriesCollection p99s = new XYSeriesCollection();
        for (int c = 0; c < names.size(); c++) {
            XYSeries rate = new XYSeries(names.get(c));
            XYSeries p99 = new XYSeries(names.get(c));
            for (int i = 0; i < report.points().size(); i++) {
                RunResult r = report.points().get(i).results().get(c);
                double x = report.sweep().values().get(i);
                if (r.completed() == 0) {
                    continue; // a point where this contender could not run: a gap in its line, not a zero on a log axis
                }
                rate.add(x, r.rate());
                p99.add(x, Math.max(r.latency().p99(), 0.001));
            }
            rates.addSeries(rate);
            p99s.addSeries(p99);
        }
        LogAxis x = new LogAxis(report.sweep().parameter().label());
        x.setBase(report.sweep().parameter() == Sweep.Parameter.THREADS ? 2 : 10);
        x.setSmallestValue(0.5);
        plainNumbers(x);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        XYPlot top = subplot(rates, new NumberAxis("rate (msg/s)"));
        plot.add(top, 3);
        LogAxis latency = new LogAxis("p99 latency (ms)");
        latency.setSmallestValue(0.001);
        plainNumbers(latency);
        plot.add(subplot(p99s, latency), 2);
        plot.setFixedLegendItems(top.getLegendItems()); // one entry per contender, not one per subplot
        BenchReport first = report.points().get(0);
        String title = String.format(Locale.ROOT, "oslo4j bench %s: %s sweep (%d messages%s)",
                first.pattern().command(), report.sweep().parameter().flag(), first.spec().messages(),
                first.spec().pipelined() ? ", " + first.spec().inFlight() + " in flight per thread" : "");
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Ticks at whole powers of the base, written as plain numbers (1, 2, 4 … or 100, 1,000 …), not 2^1.5. */
    private static void plainNumbers(LogAxis axis) {
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }

    private static XYPlot subplot(XYSeriesCollection data, org.jfree.chart.axis.ValueAxis y) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colors[i % colors.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static Document newDocument() throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IOException("cannot create an SVG document: " + e.getMessage(), e);
        }
    }
}
