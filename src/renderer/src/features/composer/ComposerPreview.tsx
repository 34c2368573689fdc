import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposerCheck } from '../../../../shared/contract/composer';
import { previewSegments } from './preview';

/**
 * The text as it will be posted (with the signature), mentions, links and hashtags highlighted as
 * the network will link them. Plain text only: nothing in it is clickable.
 */
export function ComposerPreview({ check }: { check: ComposerCheck | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const segments = check ? previewSegments(check.finalText, check.facets) : [];
  return (
    <section className="composer-preview" aria-labelledby={headingId}>
      <h3 id={headingId} className="composer-preview__heading">
        {t('composer.preview')}
      </h3>
      {segments.length === 0 ? (
        <p className="composer-preview__empty">{t('composer.previewEmpty')}</p>
      ) : (
        <p className="composer-preview__text">
          {segments.map((segment, index) =>
            segment.kind ? (
              <mark key={index} className={`composer-facet composer-facet--${segment.kind}`} title={`${t(`composer.facets.${segment.kind}`)}: ${segment.value ?? ''}`}>
                {segment.text}
              </mark>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )}
        </p>
      )}
    </section>
  );
}
