import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposerCheck } from '../../../../shared/contract/composer';
import { problemText } from './problems';

/** Why the post cannot go out yet, in the UI language; announced politely as it changes. */
export function ProblemList({ check }: { check: ComposerCheck | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const problems = check?.problems ?? [];
  return (
    <div className="composer-problems" aria-live="polite">
      {check && problems.length > 0 && (
        <>
          <p id={headingId} className="composer-problems__heading">
            {t('composer.problemsHeading')}
          </p>
          <ul className="composer-problems__list" aria-labelledby={headingId}>
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`} className="composer-problems__item">
                {problemText(problem, check, t)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
