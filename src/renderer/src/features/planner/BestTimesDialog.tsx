import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { AppError } from '../../../../shared/contract/errors';
import type { BestTimes } from '../../../../shared/contract/planner';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { handleOf } from './calendar';
import { heatLevel, heatRows, hourLabel, type HeatCell } from './heatmap';
import { weekdayName } from './planForm';

interface BestTimesDialogProps {
  workspaceId: string;
  account: AccountView;
  onClose(): void;
}

const CELL = 22;
const LEFT = 44;
const BOTTOM = 28;

/** Best hours to post for one account: a 7×24 heatmap (or the same as a table), what it rests on, and the top suggestions. */
export function BestTimesDialog({ workspaceId, account, onClose }: BestTimesDialogProps) {
  const { t, i18n } = useTranslation();
  const getBestTimes = useAppStore((state) => state.getBestTimes);
  const [best, setBest] = useState<BestTimes | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [asTable, setAsTable] = useState(false);

  useEffect(() => {
    let live = true;
    void getBestTimes(workspaceId, account.id).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setBest(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [getBestTimes, workspaceId, account.id]);

  const locale = i18n.language;
  const day = (weekday: number, width: 'long' | 'short' = 'long') => weekdayName(weekday, locale, width);
  return (
    <Modal title={t('planner.best.title', { account: handleOf(account.handle) })} onClose={onClose}>
      {!best && !error && <p className="modal__body">{t('planner.best.loading')}</p>}
      {error && (
        <p role="alert" className="field__error">
          {t('planner.best.loadFailed', { reason: describeError(error, t) })}
        </p>
      )}
      {best && (
        <div className="best-times">
          <p className="best-times__basis">
            {best.fallback ? t('planner.best.fallback') : t('planner.best.basedOn', { count: best.basedOnPosts })} {t('planner.best.zone', { zone: best.timeZone })}
          </p>
          {best.suggestions.length > 0 && (
            <section className="best-times__suggestions" aria-label={t('planner.best.suggestions')}>
              <h3>{t('planner.best.suggestions')}</h3>
              <ol>
                {best.suggestions.map((s) => (
                  <li key={`${s.weekday}-${s.hour}`}>{t('planner.best.suggestion', { day: day(s.weekday), hour: hourLabel(s.hour) })}</li>
                ))}
              </ol>
            </section>
          )}
          <button type="button" className="button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {t('planner.best.showTable')}
          </button>
          {asTable ? <HeatTable cells={best.cells} day={day} /> : <HeatChart cells={best.cells} day={day} />}
        </div>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('planner.best.close')}
        </button>
      </div>
    </Modal>
  );
}

function HeatChart({ cells, day }: { cells: HeatCell[]; day(weekday: number, width?: 'long' | 'short'): string }) {
  const { t } = useTranslation();
  const width = LEFT + 24 * CELL + 8;
  const height = 7 * CELL + BOTTOM + 8;
  return (
    <figure className="best-times__chart" role="img" aria-label={t('planner.best.chart')}>
      <ScatterChart width={width} height={height} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
        <XAxis type="number" dataKey="hour" domain={[-0.5, 23.5]} ticks={[0, 3, 6, 9, 12, 15, 18, 21]} tickFormatter={(h: number) => String(h).padStart(2, '0')} height={BOTTOM} />
        <YAxis type="number" dataKey="weekday" domain={[0.5, 7.5]} ticks={[1, 2, 3, 4, 5, 6, 7]} reversed tickFormatter={(w: number) => day(w, 'short')} width={LEFT} />
        <Scatter data={cells} isAnimationActive={false} shape={(props: unknown) => <HeatRect {...(props as HeatShapeProps)} />} />
      </ScatterChart>
    </figure>
  );
}

interface HeatShapeProps {
  cx?: number;
  cy?: number;
  payload?: HeatCell;
}

function HeatRect({ cx, cy, payload }: HeatShapeProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return <rect x={cx - CELL / 2 + 1} y={cy - CELL / 2 + 1} width={CELL - 2} height={CELL - 2} rx={3} className={`heat heat--${heatLevel(payload.score)}`} />;
}

function HeatTable({ cells, day }: { cells: HeatCell[]; day(weekday: number, width?: 'long' | 'short'): string }) {
  const { t } = useTranslation();
  const rows = heatRows(cells);
  return (
    <div className="best-times__table-wrap">
      <table className="best-times__table">
        <caption>{t('planner.best.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planner.best.weekday')}</th>
            {rows[0]!.map((cell) => (
              <th key={cell.hour} scope="col">
                {hourLabel(cell.hour)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]!.weekday}>
              <th scope="row">{day(row[0]!.weekday)}</th>
              {row.map((cell) => (
                <td key={cell.hour} className={`heat-cell heat--${heatLevel(cell.score)}`} title={t('planner.best.cell', { day: day(cell.weekday), hour: hourLabel(cell.hour), score: Math.round(cell.score * 100), posts: cell.posts })}>
                  {Math.round(cell.score * 100)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
