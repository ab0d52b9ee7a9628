package com.complaintcase.bench.suite;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyChartTest {

    @Test
    void the_chart_of_both_applications_is_a_readable_png() throws Exception {
        Path file = Files.createTempFile("latency", ".png");
        List<LatencyChart.Point> points = List.of(
                new LatencyChart.Point("this app", 1, 50, 15, 33, 70),
                new LatencyChart.Point("this app", 16, 94, 151, 272, Double.NaN),
                new LatencyChart.Point("plain Axon", 1, 120, 5, 9, 20),
                new LatencyChart.Point("plain Axon", 16, 400, 30, 60, 90));

        LatencyChart.write(file, "Registration latency against load", points);

        BufferedImage chart = ImageIO.read(file.toFile());
        assertThat(chart.getWidth()).isEqualTo(900);
        assertThat(chart.getHeight()).isEqualTo(560);
        Files.delete(file);
    }
}
