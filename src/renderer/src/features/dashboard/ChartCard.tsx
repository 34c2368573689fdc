import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors';
import { describeError } from '../../i18n/describeError';
import { toCsv, type ChartTable } from './charts';
import { downloadCsv, downloadPng, exportFileName } from './exportChart';

interface ChartCardProps {
  title: string;
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: AppError | null;
  /** Null before the first answer. */
  table: ChartTable | null;
  summary: string;
  empty: boolean;
  emptyText?: string;
  /** Parts of the exported file name: workspace, chart, range. */
  fileParts: readonly string[];
  /** The table's caption after the chart's name: the range in words. */
  rangeText: string;
  /** The theme's surface colour (the PNG's background). */
  background: string;
  onRetry(): void;
  /** Toggles of the chart itself (e.g. by network / by column), beside the export buttons. */
  controls?: ReactNode;
  /** Numbers shown above the chart (e.g. the inbox backlog), also when the chart is empty. */
  facts?: ReactNode;
  /** A card that is a table by nature (top authors): no chart, the table always shown. */
  tableOnly?: boolean;
  /** Renders the table itself when its cells need more than text (the influence hover). */
  renderTable?: (captionId: string) => ReactNode;
  children?: ReactNode;
  wide?: boolean;
}

/**
 * One dashboard card: a heading, the chart as a figure named by the heading and described by a
 * one-sentence summary, "Show table" with the same data as a real table, and CSV and PNG export.
 * Loading, empty and failed states are said in words.
 */
export function ChartCard(props: ChartCardProps) {
  const { title, phase, error, table, summary, empty, emptyText, fileParts, rangeText, background, onRetry, controls, facts, tableOnly = false, renderTable, children, wide = false } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const summaryId = useId();
  const tableId = useId();
  const captionId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const hasData = table !== null && !empty;
  const tableShown = hasData && (tableOnly || showTable);
  const tableNode = table && (renderTable ? renderTable(captionId) : <DataTable table={table} caption={t('dashboard.tableCaption', { chart: title, range: rangeText })} captionId={captionId} />);

  function exportCsv() {
    if (!table) return;
    setExportError(null);
    try {
      downloadCsv(toCsv(table), exportFileName(fileParts, 'csv'));
    } catch (cause) {
      setExportError(t('dashboard.exportFailed', { reason: cause instanceof Error ? cause.message : String(cause) }));
    }
  }

  async function exportPng() {
    const node = figureRef.current;
    if (!node) return;
    setExportError(null);
    try {
      await downloadPng(node, exportFileName(fileParts, 'png'), background);
    } catch (cause) {
      setExportError(t('dashboard.exportFailed', { reason: cause instanceof Error ? cause.message : String(cause) }));
    }
  }

  return (
    <section className={`chart-card${wide ? ' chart-card--wide' : ''}`} aria-labelledby={headingId}>
      <figure ref={figureRef} className="chart-card__figure" aria-labelledby={headingId} aria-describedby={hasData ? summaryId : undefined} aria-busy={phase === 'loading' || undefined}>
        <div className="chart-card__head">
          <h3 id={headingId} className="chart-card__title">
            {title}
          </h3>
          <div className="chart-card__tools" data-export-skip>
            {controls}
            {!tableOnly && (
              <button
                type="button"
                className="button button--small"
                aria-expanded={tableShown}
                aria-controls={tableId}
                aria-label={showTable ? t('dashboard.hideTableNamed', { chart: title }) : t('dashboard.showTableNamed', { chart: title })}
                aria-disabled={!hasData || undefined}
                onClick={() => hasData && setShowTable((shown) => !shown)}
              >
                {showTable ? t('dashboard.hideTable') : t('dashboard.showTable')}
              </button>
            )}
            <button type="button" className="button button--small" aria-label={t('dashboard.exportCsvNamed', { chart: title })} aria-disabled={!hasData || undefined} onClick={() => hasData && exportCsv()}>
              {t('dashboard.exportCsv')}
            </button>
            <button type="button" className="button button--small" aria-label={t('dashboard.exportPngNamed', { chart: title })} aria-disabled={!hasData || undefined} onClick={() => hasData && void exportPng()}>
              {t('dashboard.exportPng')}
            </button>
          </div>
        </div>
        {facts}
        {phase === 'failed' && error ? (
          <div role="alert" className="alert alert--error chart-card__state" data-export-skip>
            <p className="alert__message">{t('dashboard.failed', { reason: describeError(error, t) })}</p>
            <button type="button" className="button button--quiet" onClick={onRetry}>
              {t('dashboard.retry')}
            </button>
          </div>
        ) : table === null ? (
          <p className="chart-card__state" role="status">
            {t('dashboard.loading')}
          </p>
        ) : empty ? (
          <p className="chart-card__state" role="status">
            {emptyText ?? t('dashboard.empty')}
          </p>
        ) : (
          <>
            <p id={summaryId} className="chart-card__summary">
              {summary}
            </p>
            {tableOnly ? (
              tableNode
            ) : (
              <div className="chart-card__chart" role="img" aria-label={summary}>
                {children}
              </div>
            )}
          </>
        )}
        {phase === 'loading' && table !== null && (
          <p className="sr-only" role="status">
            {t('dashboard.loading')}
          </p>
        )}
      </figure>
      {exportError && (
        <p role="alert" className="field__error">
          {exportError}
        </p>
      )}
      {!tableOnly && (
        <div id={tableId} className="chart-card__table" hidden={!tableShown}>
          {tableShown && tableNode}
        </div>
      )}
    </section>
  );
}

/** A chart's data as a plain table: the first column names each row. */
export function DataTable({ table, caption, captionId }: { table: ChartTable; caption: string; captionId: string }) {
  return (
    <div className="data-table__scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.display.map((value, column) =>
                column === 0 ? (
                  <th key={column} scope="row">
                    {value}
                  </th>
                ) : (
                  <td key={column}>{value}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
