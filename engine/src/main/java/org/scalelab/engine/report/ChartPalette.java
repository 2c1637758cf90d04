package org.scalelab.engine.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;
import java.util.Map;

/** Colours and strokes shared by every chart, so a run or a phase looks the same everywhere. */
public final class ChartPalette {
    /** One colour per run (Tableau 10: distinguishable, also for most colour-blind readers). */
    private static final List<Color> RUNS = List.of(
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC));

    /** Phase colours by the phase's display name; unknown phases fall back to grey. */
    private static final Map<String, Color> PHASES = Map.of(
            "data", new Color(0x76B7B2),
            "forward", new Color(0x4E79A7),
            "backward", new Color(0x59A14F),
            "communication", new Color(0xE15759),
            // The communication's own red, pale: the allreduce that ran while backward did.
            "hidden_communication", new Color(0xF4B6B7),
            "update", new Color(0xEDC948),
            "evaluation", new Color(0xB07AA1),
            "idle", new Color(0xBAB0AC));

    public static final Color IDEAL = new Color(0x9A9A9A);
    public static final Color GRID = new Color(0xE3E6EA);
    public static final Color PLOT_BACKGROUND = new Color(0xFCFCFD);
    public static final Color TEXT = new Color(0x2B2F36);
    /** Where ranks failed, on a run's timeline: darker than the runs' red, so not read as a run's line. */
    public static final Color FAILURE = new Color(0xB22B2E);
    /** Where a run went on from a checkpoint: darker than the runs' green. */
    public static final Color RESTART = new Color(0x3B7A35);

    public static final Stroke SOLID = new BasicStroke(1.6f);
    public static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f);

    private ChartPalette() {
    }

    public static Color run(int index) {
        return RUNS.get(index % RUNS.size());
    }

    public static Color phase(String phaseName) {
        return PHASES.getOrDefault(phaseName, Color.GRAY);
    }
}
