import { niceTicks, renderSvgLineChart } from './svg-line-chart';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(1, 8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 2.27)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(0, 0.83)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
  it('widens a single value into a range from zero', () => {
    expect(niceTicks(3, 3)[0]).toBe(0);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
  it('refuses non-finite bounds', () => {
    expect(() => niceTicks(0, Number.NaN)).toThrow(RangeError);
  });
});

describe('renderSvgLineChart', () => {
  const chart = {
    title: 'Cost of N candidates <vs> one',
    xLabel: 'candidates (N)',
    yLabel: 'wall time / N=1',
    series: [
      { name: 'batched', points: [{ x: 1, y: 1 }, { x: 4, y: 1.8 }, { x: 8, y: 2.3 }] },
      { name: 'one after another', points: [{ x: 1, y: 1 }, { x: 4, y: 3.9, lo: 3.7, hi: 4.1 }] },
    ],
  };

  it('draws one polyline per series, a marker per point, error bars and a legend', () => {
    const svg = renderSvgLineChart(chart);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(5 + 2); // points + legend markers
    expect(svg).toContain('>batched</text>');
    expect(svg).toContain('>one after another</text>');
    expect(svg.match(/stroke-width="1.5"/g)).toHaveLength(1);
  });

  it('escapes text so a title cannot break the markup', () => {
    expect(renderSvgLineChart(chart)).toContain('Cost of N candidates &lt;vs&gt; one');
  });

  it('refuses a chart without points', () => {
    expect(() => renderSvgLineChart({ ...chart, series: [] })).toThrow(RangeError);
  });
});
