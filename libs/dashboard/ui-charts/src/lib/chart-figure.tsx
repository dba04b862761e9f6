import { type ReactNode, useId, useState } from 'react';

export interface ChartTableColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/** The numbers behind a chart, as a table a screen reader can walk. */
export interface ChartTableData {
  caption: string;
  columns: readonly ChartTableColumn[];
  /** The first cell of each row is its header. */
  rows: readonly (readonly string[])[];
}

export function ChartTable({
  table,
  className,
  captionHidden = false,
}: {
  table: ChartTableData;
  className?: string;
  /** The caption is for screen readers only (a heading shows it already). */
  captionHidden?: boolean;
}) {
  const scrolls = !className?.includes('visually-hidden');
  return (
    // A scrolling box is focusable, so keyboard users can scroll it too.
    <div
      className={className ?? 'table-scroll'}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'group' : undefined}
      aria-label={scrolls ? table.caption : undefined}
    >
      <table className="data-table chart-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>
          {table.caption}
        </caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={column.numeric ? 'data-table__number' : undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={`${row[0]}-${r}`}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td
                    key={c}
                    className={
                      table.columns[c]?.numeric
                        ? 'data-table__number'
                        : undefined
                    }
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ChartFigureProps {
  /** Shown above the chart; names the figure. */
  title: string;
  /** One sentence under the title, e.g. the period or how to read it. */
  description?: ReactNode;
  /** What the chart shows, for screen readers (the chart is an image). */
  ariaLabel: string;
  table: ChartTableData;
  /** Height of the chart area in pixels. */
  height: number;
  /** Below the chart, e.g. a legend. */
  footer?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/**
 * A chart with its title and a "Show table" switch. The table is always in
 * the page: visually hidden next to the chart, in its place when switched.
 */
export function ChartFigure({
  title,
  description,
  ariaLabel,
  table,
  height,
  footer,
  children,
  testId,
}: ChartFigureProps) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <div className="chart__header">
        <figcaption id={titleId} className="chart__title">
          {title}
        </figcaption>
        <button
          type="button"
          className="chart__toggle"
          aria-pressed={showTable}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      {description && <p className="chart__description">{description}</p>}
      {!showTable && (
        <>
          <div
            className="chart__canvas"
            role="img"
            aria-label={ariaLabel}
            style={{ height }}
          >
            {children}
          </div>
          {footer}
        </>
      )}
      <ChartTable
        table={table}
        className={showTable ? 'table-scroll chart__table' : 'visually-hidden'}
      />
    </figure>
  );
}
