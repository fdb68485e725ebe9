package io.actorbeans.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A horizontal bar chart of the ratios, drawn with Java2D: for each row, how many times
 * better actorbeans is than Pekko (higher is better), with the goal of the issue marked.
 *
 * @since 0.1.0
 */
final class RatioChart {

	private static final Color MET = new Color(0x2e7d32);

	private static final Color MISSED = new Color(0xc62828);

	private static final Color NO_GOAL = new Color(0x78909c);

	private static final Color GRID = new Color(0xe0e0e0);

	private static final int WIDTH = 1100;

	private static final int LEFT = 270;

	private static final int RIGHT = 60;

	private static final int TOP = 96;

	private static final int ROW = 46;

	private static final int BAR = 26;

	private RatioChart() {
	}

	static void write(Report report, Path file) throws IOException {
		List<Report.Row> rows = report.rows()
			.stream()
			.filter((row) -> !Double.isNaN(row.ratio()) && row.ratio() > 0)
			.toList();
		int height = TOP + Math.max(1, rows.size()) * ROW + 70;
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			draw(g, report, rows, height);
		}
		finally {
			g.dispose();
		}
		ImageIO.write(image, "png", file.toFile());
	}

	private static void draw(Graphics2D g, Report report, List<Report.Row> rows, int height) {
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		g.drawString("actorbeans vs Apache Pekko 1.7.0 (classic): × better, higher is better", 20, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		Comparison.Environment environment = report.environment();
		g.drawString(String.format(Locale.ROOT, "medians of %d rounds · %s · %d cores · %s · %s",
				report.options().rounds(), environment.jvm(), environment.cores(),
				String.join(" ", environment.flags()), environment.finished().toString().substring(0, 10)), 20, 52);
		g.drawString("bar: Pekko ÷ actorbeans for times, sizes and latencies, actorbeans ÷ Pekko for rates;"
				+ " | marks the goal; dashed line: parity", 20, 72);
		double max = 1;
		for (Report.Row row : rows) {
			max = Math.max(max, row.metric().advantage(row.ratio()));
			if (row.metric().goal() != null) {
				max = Math.max(max, row.metric().advantage(row.metric().goal()));
			}
		}
		max = Math.ceil(max * 1.1);
		int plotWidth = WIDTH - LEFT - RIGHT;
		int bottom = TOP + rows.size() * ROW;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int tick = 0; tick <= max; tick++) {
			int x = LEFT + (int) (plotWidth * tick / max);
			g.setColor(GRID);
			g.drawLine(x, TOP - 6, x, bottom);
			g.setColor(Color.DARK_GRAY);
			g.drawString(tick + "×", x - 6, bottom + 18);
		}
		for (int i = 0; i < rows.size(); i++) {
			Report.Row row = rows.get(i);
			Metric metric = row.metric();
			double advantage = metric.advantage(row.ratio());
			int y = TOP + i * ROW + (ROW - BAR) / 2;
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
			FontMetrics fm = g.getFontMetrics();
			g.drawString(metric.label(), LEFT - 12 - fm.stringWidth(metric.label()), y + BAR / 2 + 5);
			int barWidth = (int) Math.round(plotWidth * advantage / max);
			g.setColor((metric.goal() == null) ? NO_GOAL : row.met() ? MET : MISSED);
			g.fillRect(LEFT, y, barWidth, BAR);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			g.drawString(String.format(Locale.ROOT, "%.2f×", advantage), LEFT + barWidth + 6, y + BAR / 2 + 5);
			if (metric.goal() != null) {
				int goalX = LEFT + (int) Math.round(plotWidth * metric.advantage(metric.goal()) / max);
				g.setStroke(new BasicStroke(3));
				g.drawLine(goalX, y - 5, goalX, y + BAR + 5);
				g.setStroke(new BasicStroke(1));
			}
		}
		int parity = LEFT + (int) Math.round(plotWidth / max);
		g.setColor(Color.DARK_GRAY);
		g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
		g.drawLine(parity, TOP - 6, parity, bottom);
		g.setStroke(new BasicStroke(1));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		int legend = height - 22;
		legend(g, MET, "goal met", LEFT, legend);
		legend(g, MISSED, "goal missed", LEFT + 130, legend);
		legend(g, NO_GOAL, "no goal", LEFT + 280, legend);
	}

	private static void legend(Graphics2D g, Color color, String text, int x, int y) {
		g.setColor(color);
		g.fillRect(x, y - 11, 14, 14);
		g.setColor(Color.BLACK);
		g.drawString(text, x + 20, y + 1);
	}

}
