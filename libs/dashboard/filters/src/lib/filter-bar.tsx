import type { Area } from '@crosswalk/dashboard/data-access';
import { dimensionValueLabel, isMonthKey } from '@crosswalk/dashboard/util';
import {
  CALL_ORIGINS,
  type CallOrigin,
  RESPONSE_MODELS,
  type ResponseModel,
} from '@crosswalk/domain';
import { useId } from 'react';

import {
  type DashboardFilters,
  DEFAULT_PERIOD,
  PERIOD_PRESETS,
  periodOptionLabel,
  type PeriodPreset,
} from './dashboard-filters.util';
import type { DashboardView } from './use-dashboard-view';

/** Areas for a picker: each top-level area, then the areas inside it. */
function areaGroups(areas: readonly Area[]) {
  const tops = areas
    .filter((a) => a.parentId === null)
    .sort((a, b) => a.code.localeCompare(b.code));
  return tops.map((top) => ({
    top,
    children: areas
      .filter((a) => a.parentId === top.id)
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
  }));
}

/**
 * The view's filters: period, program, area, response model, call origin.
 * Every change is a new address, so a link reproduces the view and Back
 * undoes the change.
 */
export function FilterBar({ view }: { view: DashboardView }) {
  const { filters, reference, period, data, programStart } = view;
  const id = useId();
  const set = (patch: Partial<DashboardFilters>) =>
    view.setFilters({ ...filters, ...patch });

  function choosePeriod(preset: PeriodPreset) {
    if (preset === 'custom') {
      set({ period: preset, from: period?.from, to: period?.to });
    } else {
      set({ period: preset, from: undefined, to: undefined });
    }
  }
  const hasFilters =
    filters.period !== DEFAULT_PERIOD ||
    Boolean(
      filters.program ||
      filters.area ||
      filters.responseModel ||
      filters.callOrigin,
    );
  const presets = PERIOD_PRESETS.filter(
    (p) => !p.startsWith('program-') || programStart,
  );

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-bar__fields">
        <div className="field">
          <label htmlFor={`${id}-period`}>Period</label>
          <select
            id={`${id}-period`}
            value={filters.period}
            onChange={(e) => choosePeriod(e.target.value as PeriodPreset)}
          >
            {presets.map((preset) => (
              <option key={preset} value={preset}>
                {periodOptionLabel(preset, programStart)}
              </option>
            ))}
          </select>
        </div>
        {filters.period === 'custom' && (
          <>
            <div className="field field--month">
              <label htmlFor={`${id}-from`}>From</label>
              <input
                id={`${id}-from`}
                type="month"
                min={data?.first}
                max={data?.last}
                value={filters.from ?? period?.from ?? ''}
                onChange={(e) => {
                  if (isMonthKey(e.target.value))
                    set({ from: e.target.value, to: filters.to ?? period?.to });
                }}
              />
            </div>
            <div className="field field--month">
              <label htmlFor={`${id}-to`}>To</label>
              <input
                id={`${id}-to`}
                type="month"
                min={data?.first}
                max={data?.last}
                value={filters.to ?? period?.to ?? ''}
                onChange={(e) => {
                  if (isMonthKey(e.target.value))
                    set({
                      to: e.target.value,
                      from: filters.from ?? period?.from,
                    });
                }}
              />
            </div>
          </>
        )}
        {reference.programs.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-program`}>Program</label>
            <select
              id={`${id}-program`}
              value={filters.program ?? ''}
              onChange={(e) => set({ program: e.target.value || undefined })}
            >
              <option value="">All areas</option>
              {reference.programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} areas
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-area`}>Area</label>
          <select
            id={`${id}-area`}
            value={filters.area ?? ''}
            onChange={(e) => set({ area: e.target.value || undefined })}
          >
            <option value="">All areas</option>
            {areaGroups(reference.areas).map(({ top, children }) => (
              <optgroup key={top.id} label={top.name}>
                <option value={top.id}>All of {top.name}</option>
                {children.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.code} {a.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-model`}>Response model</label>
          <select
            id={`${id}-model`}
            value={filters.responseModel ?? ''}
            onChange={(e) =>
              set({
                responseModel: (e.target.value || undefined) as
                  ResponseModel | undefined,
              })
            }
          >
            <option value="">All responses</option>
            {RESPONSE_MODELS.map((m) => (
              <option key={m} value={m}>
                {dimensionValueLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-origin`}>Call origin</label>
          <select
            id={`${id}-origin`}
            value={filters.callOrigin ?? ''}
            onChange={(e) =>
              set({
                callOrigin: (e.target.value || undefined) as
                  CallOrigin | undefined,
              })
            }
          >
            <option value="">All origins</option>
            {CALL_ORIGINS.map((o) => (
              <option key={o} value={o}>
                {dimensionValueLabel(o)}
              </option>
            ))}
          </select>
        </div>
        {hasFilters && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => view.setFilters({ period: DEFAULT_PERIOD })}
          >
            Clear filters
          </button>
        )}
      </div>
      {period && (
        <p className="filter-bar__summary" data-testid="period-label">
          <strong>{period.label}</strong>
          {period.baseline ? (
            <>
              {' '}
              compared with <strong>{period.baseline.label}</strong>
              {period.baselineShort && ' (shorter: the data starts there)'}
            </>
          ) : (
            ' · no earlier data to compare with'
          )}
          {period.requestedTo && ' · data ends before this window does'}
        </p>
      )}
    </section>
  );
}
