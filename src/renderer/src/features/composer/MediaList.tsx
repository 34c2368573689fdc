import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, MediaView } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import type { Outcome } from '../../store/outcome';
import { useAppStore } from '../../store/AppStoreProvider';
import { formatBytes } from './problems';

/** Alt text is saved this long after typing stops (and on blur). */
const ALT_SAVE_DELAY_MS = 600;

interface MediaListProps {
  workspaceId: string;
  draftKey: string;
  media: MediaView[];
  altRequired: boolean;
  disabled: boolean;
  onDraft(draft: Draft): void;
  onError(error: AppError): void;
}

/** The draft's images: a thumbnail, the alt text (required where the workspace says so), remove. */
export function MediaList({ workspaceId, draftKey, media, altRequired, disabled, onDraft, onError }: MediaListProps) {
  const { t } = useTranslation();
  if (media.length === 0) return null;
  return (
    <ul className="composer-media" aria-label={t('composer.attachments')}>
      {media.map((item) => (
        <MediaEntry
          key={item.id}
          workspaceId={workspaceId}
          draftKey={draftKey}
          media={item}
          altRequired={altRequired}
          disabled={disabled}
          onDraft={onDraft}
          onError={onError}
        />
      ))}
    </ul>
  );
}

function MediaEntry({ workspaceId, draftKey, media, altRequired, disabled, onDraft, onError }: Omit<MediaListProps, 'media'> & { media: MediaView }) {
  const { t } = useTranslation();
  const setAlt = useAppStore((state) => state.setDraftMediaAlt);
  const removeMedia = useAppStore((state) => state.removeDraftMedia);
  const fieldId = useId();
  // The field owns its text while it is edited; answers from the core do not overwrite typing.
  const [alt, setAltText] = useState(media.alt);
  const savedAlt = useRef(media.alt);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function handle(outcome: Outcome<Draft>) {
    if (outcome.ok) onDraft(outcome.value);
    else onError(outcome.error);
  }

  function saveAlt(value: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (value === savedAlt.current) return;
    savedAlt.current = value;
    void setAlt({ workspaceId, key: draftKey, mediaId: media.id, alt: value }).then(handle);
  }

  // Leaving (closing the composer) saves the alt text being typed.
  const latest = useRef(media.alt);
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        if (latest.current !== savedAlt.current) void setAlt({ workspaceId, key: draftKey, mediaId: media.id, alt: latest.current });
      }
    },
    [setAlt, workspaceId, draftKey, media.id],
  );

  const missing = altRequired && alt.trim() === '';
  return (
    <li className="composer-media__item">
      <MediaThumb workspaceId={workspaceId} media={media} />
      <div className="composer-media__fields">
        <label htmlFor={fieldId} className="composer-media__label">
          {t('composer.altText', { name: media.fileName })}
          {altRequired && <span className="composer-media__required">{` (${t('composer.altRequired')})`}</span>}
        </label>
        <textarea
          id={fieldId}
          className="field__input composer-media__alt"
          rows={2}
          value={alt}
          placeholder={t('composer.altPlaceholder')}
          aria-required={altRequired || undefined}
          aria-invalid={missing || undefined}
          readOnly={disabled}
          onChange={(event) => {
            const value = event.target.value;
            setAltText(value);
            latest.current = value;
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => saveAlt(value), ALT_SAVE_DELAY_MS);
          }}
          onBlur={() => saveAlt(alt)}
        />
        <p className="composer-media__meta">
          {media.mimeType} · {formatBytes(media.size)}
        </p>
      </div>
      <button
        type="button"
        className="button button--quiet composer-media__remove"
        disabled={disabled}
        onClick={() => void removeMedia({ workspaceId, key: draftKey, mediaId: media.id }).then(handle)}
      >
        {t('composer.removeMedia', { name: media.fileName })}
      </button>
    </li>
  );
}

/** The image itself, fetched once from the core (the bytes never live in the store). */
function MediaThumb({ workspaceId, media }: { workspaceId: string; media: MediaView }) {
  const mediaData = useAppStore((state) => state.draftMediaData);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void mediaData(workspaceId, media.id).then((outcome) => {
      if (live && outcome.ok) setSrc(`data:${outcome.value.media.mimeType};base64,${outcome.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [mediaData, workspaceId, media.id]);
  return <div className="composer-media__thumb">{src && <img src={src} alt="" />}</div>;
}
