package org.cems.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A small line chart drawn with java.awt (headless) and saved as PNG: no plotting dependency. */
final class Plot {
    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b)
    };
    private static final int W = 900;
    private static final int H = 560;
    private static final int LEFT = 110;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    record Series(String name, double[] x, double[] y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final List<Series> series = new ArrayList<>();
    private double fixedYMax = Double.NaN;

    Plot(String title, String xLabel, String yLabel, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    Plot add(String name, double[] x, double[] y) {
        if (x.length > 0) {
            series.add(new Series(name, x, y));
        }
        return this;
    }

    /** A fixed top of the y axis (1 for a CDF). */
    Plot yMax(double max) {
        this.fixedYMax = max;
        return this;
    }

    void save(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE, yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                xMin = Math.min(xMin, tx(s.x[i]));
                xMax = Math.max(xMax, tx(s.x[i]));
                yMax = Math.max(yMax, s.y[i]);
            }
        }
        double yMinPos = Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.y) {
                if (v > 0) {
                    yMinPos = Math.min(yMinPos, v);
                }
            }
        }
        // data spanning more than two decades (a ceiling next to a job) get a log y axis
        boolean logY = Double.isNaN(fixedYMax) && yMax > 1 && yMinPos < Double.MAX_VALUE && yMax / yMinPos > 100;
        if (series.isEmpty()) {
            xMin = 0;
            xMax = 1;
        }
        if (xMax - xMin < 1e-9) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        double xPad = (xMax - xMin) * 0.05;
        xMin -= xPad;
        xMax += xPad;
        // fractions (a CDF) end at 1
        yMax = !Double.isNaN(fixedYMax) ? fixedYMax : yMax <= 0 || yMax <= 1.0 ? 1 : niceCeil(yMax * 1.08);
        double yLo = logY ? Math.pow(10, Math.floor(Math.log10(yMinPos))) : 0;
        if (logY) {
            yMax = Math.pow(10, Math.ceil(Math.log10(yMax)));
        }
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        // grid and y ticks
        int yTicks = logY ? (int) Math.round(Math.log10(yMax / yLo)) : 5;
        for (int i = 0; i <= yTicks; i++) {
            double v = logY ? yLo * Math.pow(10, i) : yMax * i / 5;
            int y = TOP + ph - (int) Math.round(ph * i / (double) yTicks);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(LEFT, y, LEFT + pw, y);
            g.setColor(Color.DARK_GRAY);
            String label = fmt(v);
            g.drawString(label, LEFT - 10 - g.getFontMetrics().stringWidth(label), y + 5);
        }
        // x ticks at the data points of the first series (or evenly)
        List<Double> ticks = new ArrayList<>();
        if (logX) {
            for (double d = Math.pow(10, Math.floor(xMin)); Math.log10(d) <= xMax; d *= 10) {
                if (Math.log10(d) >= xMin) {
                    ticks.add(d);
                }
            }
        } else {
            double step = niceCeil((xMax - xMin) / 7);
            for (double t = Math.ceil(xMin / step) * step; t <= xMax; t += step) {
                ticks.add(t);
            }
        }
        for (double t : ticks) {
            int x = LEFT + (int) Math.round(pw * (tx(t) - xMin) / (xMax - xMin));
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(x, TOP, x, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            String label = fmt(t);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + ph + 20);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, pw, ph);
        g.drawString(xLabel, LEFT + pw / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, H - 25);
        Graphics2D gy = (Graphics2D) g.create();
        gy.rotate(-Math.PI / 2);
        String yl = logY ? yLabel + " (log scale)" : yLabel;
        gy.drawString(yl, -(TOP + ph / 2 + g.getFontMetrics().stringWidth(yl) / 2), 22);
        gy.dispose();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(COLORS[k % COLORS.length]);
            g.setStroke(new BasicStroke(2.5f));
            int px = -1, py = -1;
            for (int i = 0; i < s.x.length; i++) {
                int x = LEFT + (int) Math.round(pw * (tx(s.x[i]) - xMin) / (xMax - xMin));
                double frac = logY
                        ? Math.log10(Math.max(s.y[i], yLo) / yLo) / Math.log10(yMax / yLo)
                        : Math.min(s.y[i], yMax) / yMax;
                int y = TOP + ph - (int) Math.round(ph * frac);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                if (s.x.length <= 12) {
                    g.fillOval(x - 5, y - 5, 10, 10);
                }
                px = x;
                py = y;
            }
            int ly = TOP + 20 + k * 24;
            g.fillRect(LEFT + pw + 15, ly - 10, 18, 10);
            g.setColor(Color.BLACK);
            g.drawString(s.name, LEFT + pw + 40, ly);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private double tx(double x) {
        return logX ? Math.log10(Math.max(x, 1e-9)) : x;
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format("%,.0f", v);
        }
        if (Math.abs(v) >= 10 || v == 0) {
            return String.format("%.0f", v);
        }
        return String.format("%.2f", v);
    }
}
