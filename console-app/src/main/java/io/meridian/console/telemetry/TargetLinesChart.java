package io.meridian.console.telemetry;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * A chart whose value axis always reaches its target lines: a lag chart shows the breaker line even while every
 * lag is far below it, so the operator sees the distance to it, not an axis that ends just above the data.
 */
final class TargetLinesChart extends XYChart {
    private final DefaultNumericAxis values;
    private final double[] targets;

    TargetLinesChart(DefaultNumericAxis time, DefaultNumericAxis values, double[] targets) {
        super(time, values);
        this.values = values;
        this.targets = targets.clone();
    }

    @Override
    public void updateAxisRange() {
        super.updateAxisRange();
        boolean changed = false;
        for (double target : targets) {
            changed |= values.getAutoRange().add(target);
        }
        if (changed && values.isAutoRanging()) {
            values.invalidateRange();
        }
    }
}
