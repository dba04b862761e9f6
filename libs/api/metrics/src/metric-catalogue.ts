import {
  loadMetricDefinitions,
  type MetricDefinition,
} from '@crosswalk/metrics/spec';

/** The validated metric definitions, loaded once at start (a bad one stops the API). */
export class MetricCatalogue {
  private readonly byId: Map<string, MetricDefinition>;

  constructor(readonly definitions: readonly MetricDefinition[]) {
    this.byId = new Map(definitions.map((d) => [d.id, d]));
  }

  static load(dir: string): MetricCatalogue {
    return new MetricCatalogue(loadMetricDefinitions(dir));
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The definition, or undefined. */
  find(id: string): MetricDefinition | undefined {
    return this.byId.get(id);
  }
}
