package com.complaintcase.bench.suite;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The chart of command latency against load: p50, p90 and p99 per number of clients, throughput underneath. */
final class LatencyChart {

    /** One load level: clients, requests per second, latency percentiles in milliseconds. */
    record Point(int clients, double perSecond, double p50, double p90, double p99) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int BOTTOM = 110;

    private LatencyChart() {
    }

    static void write(Path file, String title, List<Point> points) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        double max = points.stream().mapToDouble(Point::p99).filter(v -> !Double.isNaN(v)).max().orElse(1);
        double top = niceCeiling(Math.max(max, 1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotHeight - plotHeight * i / 5;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f ms", top * i / 5), 20, y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
        int n = points.size();
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = LEFT + (n == 1 ? plotWidth / 2 : 40 + (plotWidth - 80) * i / (n - 1));
            Point point = points.get(i);
            g.setColor(Color.BLACK);
            g.drawString(point.clients() + (point.clients() == 1 ? " client" : " clients"), xs[i] - 25, TOP + plotHeight + 20);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f/s", point.perSecond()), xs[i] - 20, TOP + plotHeight + 38);
        }
        line(g, xs, points.stream().mapToDouble(Point::p50).toArray(), top, plotHeight, new Color(40, 120, 200), "p50", 0);
        line(g, xs, points.stream().mapToDouble(Point::p90).toArray(), top, plotHeight, new Color(230, 150, 30), "p90", 1);
        line(g, xs, points.stream().mapToDouble(Point::p99).toArray(), top, plotHeight, new Color(200, 40, 40), "p99", 2);
        g.setColor(Color.DARK_GRAY);
        g.drawString("concurrent clients (registrations over HTTP); below each: registrations per second",
                LEFT, HEIGHT - 40);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void line(Graphics2D g, int[] xs, double[] values, double top, int plotHeight, Color color,
                             String label, int legendRow) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            int y = TOP + plotHeight - (int) Math.round(plotHeight * values[i] / top);
            g.fillOval(xs[i] - 4, y - 4, 8, 8);
            g.drawString(String.format(Locale.ROOT, "%.1f", values[i]), xs[i] + 8, y - 6);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, xs[i], y);
            }
            previousX = xs[i];
            previousY = y;
        }
        g.setStroke(new BasicStroke(1f));
        int legendX = WIDTH - RIGHT - 90;
        int legendY = TOP + 10 + legendRow * 18;
        g.fillRect(legendX, legendY - 8, 14, 8);
        g.drawString(label + " latency", legendX + 20, legendY);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
