import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopAuthor } from '../../../../shared/contract/insight';
import { safeHttpUrl } from '../deck/sanitize';
import { authorName, formatNumber, type ChartTable } from './charts';
import { influenceFormula } from './influence';

interface TopAuthorsTableProps {
  authors: TopAuthor[];
  table: ChartTable;
  caption: string;
  captionId: string;
}

/** The most influential authors; each score explains itself on hover and on focus. */
export function TopAuthorsTable({ authors, table, caption, captionId }: TopAuthorsTableProps) {
  const { t } = useTranslation();
  // The table shows the first eight columns; the parts of the score are in the hover text (and the CSV).
  const shown = table.columns.slice(0, 8);
  return (
    <div className="data-table__scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="data-table top-authors">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {shown.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {authors.map((author, index) => {
            const name = authorName(author, t);
            const url = safeHttpUrl(author.url);
            const display = table.rows[index]?.display ?? [];
            return (
              <tr key={`${author.network}:${author.remoteId}`}>
                <th scope="row">
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer" aria-label={t('dashboard.topAuthors.profile', { name })}>
                      {name}
                    </a>
                  ) : (
                    name
                  )}
                </th>
                <td>{display[1]}</td>
                <td>{display[2]}</td>
                <td>{display[3]}</td>
                <td>{display[4]}</td>
                <td>{display[5]}</td>
                <td>{display[6]}</td>
                <td>
                  <InfluenceScore author={author} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The score as a button whose description is the formula with this author's parts: shown while
 * hovered or focused, hidden again with Esc (WCAG 1.4.13), read by screen readers as the description.
 */
function InfluenceScore({ author }: { author: TopAuthor }) {
  const { t, i18n } = useTranslation();
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const { label, formula, parts } = influenceFormula(author, t, i18n.language);
  return (
    <span className={`influence${dismissed ? ' influence--dismissed' : ''}`} onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        className="influence__score"
        aria-label={`${formatNumber(author.influence, i18n.language, 0)}: ${label}`}
        aria-describedby={tipId}
        onBlur={() => setDismissed(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !dismissed) {
            // Esc hides the explanation first; a second Esc goes to whatever else listens.
            event.preventDefault();
            event.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        <span className="influence__bar" aria-hidden="true">
          <svg width="40" height="6" className="influence__meter">
            <rect width="40" height="6" rx="3" className="influence__track" />
            <rect width={Math.max(2, (author.influence / 100) * 40)} height="6" rx="3" className="influence__fill" />
          </svg>
        </span>
        {formatNumber(author.influence, i18n.language, 0)}
      </button>
      <span id={tipId} role="tooltip" className="influence__tip">
        <span className="influence__formula">{formula}</span>
        <span className="influence__parts">{parts}</span>
      </span>
    </span>
  );
}
