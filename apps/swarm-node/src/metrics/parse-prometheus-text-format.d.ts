/**
 * Types of `parse-prometheus-text-format` 1.1.x (it ships none), as far as the metrics specs use it.
 * Its histogram and summary support holds for families WITHOUT labels only: labelled ones lose
 * their labels, sum and count.
 */
declare module 'parse-prometheus-text-format' {
  namespace parsePrometheusTextFormat {
    type Labels = Readonly<Record<string, string>>;
    interface ValueSample {
      readonly value: string;
      readonly labels?: Labels;
    }
    interface HistogramSample {
      /** Cumulative count per upper bound (`le`), e.g. { "0.5": "3", "+Inf": "4" }. */
      readonly buckets: Readonly<Record<string, string>>;
      readonly count?: string;
      readonly sum?: string;
      readonly labels?: Labels;
    }
    interface SummarySample {
      readonly quantiles: Readonly<Record<string, string>>;
      readonly count?: string;
      readonly sum?: string;
      readonly labels?: Labels;
    }
    interface MetricFamily {
      readonly name: string;
      readonly help: string;
      readonly type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
      readonly metrics: readonly (ValueSample | HistogramSample | SummarySample)[];
    }
  }
  /** Throws on a malformed line. */
  function parsePrometheusTextFormat(text: string): parsePrometheusTextFormat.MetricFamily[];
  export = parsePrometheusTextFormat;
}
