package com.complaintcase.bench.suite;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The chart of command latency against load (JFreeChart): p50, p90 and p99 per number of clients (log axis), each
 * point labelled with the registrations per second it reached; a second series set for the peer when measured.
 */
final class LatencyChart {

    /** One load level of one application: clients, requests per second, latency percentiles in milliseconds. */
    record Point(String application, int clients, double perSecond, double p50, double p90, double p99) {
    }

    private LatencyChart() {
    }

    static void write(Path file, String title, List<Point> points) throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        for (String application : points.stream().map(Point::application).distinct().toList()) {
            List<Point> ofApplication = points.stream().filter(point -> point.application().equals(application)).toList();
            series.addSeries(series(application + " p50", ofApplication, Point::p50));
            series.addSeries(series(application + " p90", ofApplication, Point::p90));
            series.addSeries(series(application + " p99", ofApplication, Point::p99));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "concurrent clients", "latency (ms)", series,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis clients = new LogAxis("concurrent clients (registrations over HTTP); label: registrations/s");
        clients.setBase(2);
        clients.setSmallestValue(1);
        clients.setTickUnit(new NumberTickUnit(1));
        clients.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainAxis(clients);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelGenerator((dataset, row, item) -> row % 3 != 2 ? null
                : points.stream()
                .filter(point -> dataset.getSeriesKey(row).equals(point.application() + " p99")
                        && point.clients() == (int) dataset.getXValue(row, item))
                .map(point -> String.format(Locale.ROOT, "%.0f/s", point.perSecond())).findFirst().orElse(null));
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }

    private static XYSeries series(String name, List<Point> points, java.util.function.ToDoubleFunction<Point> value) {
        XYSeries series = new XYSeries(name);
        for (Point point : points) {
            double y = value.applyAsDouble(point);
            if (!Double.isNaN(y)) {
                series.add(point.clients(), y);
            }
        }
        return series;
    }
}
