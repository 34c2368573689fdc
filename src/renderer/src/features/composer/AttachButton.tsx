import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MEDIA_BYTES, type ComposerCheck, type Draft } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { base64FromDataUrl } from './editing';
import { formatBytes, shortType } from './problems';

interface AttachButtonProps {
  workspaceId: string;
  draftKey: string;
  /** The account's media rules from the last check (null until the first one). */
  media: ComposerCheck['media'] | null;
  count: number;
  disabled: boolean;
  /** Stores the draft first: media belong to a stored draft. */
  prepare(): Promise<AppError | null>;
  onDraft(draft: Draft): void;
  onError(message: string): void;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** "Attach image": picks files, reads them as base64 and adds them to the draft one by one. */
export function AttachButton({ workspaceId, draftKey, media, count, disabled, prepare, onDraft, onError }: AttachButtonProps) {
  const { t } = useTranslation();
  const addMedia = useAppStore((state) => state.addDraftMedia);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const types = media?.types.filter((type) => type.startsWith('image/')) ?? IMAGE_TYPES;

  async function attach(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const failed = await prepare();
      if (failed) {
        onError(t('composer.mediaFailed', { reason: describeError(failed, t) }));
        return;
      }
      for (const file of files) {
        // Over the contract's own limit it cannot even be handed over; the network's limit is the check's.
        if (file.size > MAX_MEDIA_BYTES) {
          onError(t('composer.mediaFailed', { reason: t('composer.problems.withFile', { text: t('composer.problems.mediaTooLarge', { size: formatBytes(MAX_MEDIA_BYTES) }), fileName: file.name }) }));
          continue;
        }
        let dataBase64: string;
        try {
          dataBase64 = base64FromDataUrl(await readAsDataUrl(file));
        } catch {
          onError(t('composer.readFailed', { name: file.name }));
          continue;
        }
        const outcome = await addMedia({ workspaceId, key: draftKey, media: { fileName: file.name, mimeType: file.type || 'application/octet-stream', dataBase64 } });
        if (outcome.ok) onDraft(outcome.value);
        else onError(t('composer.mediaFailed', { reason: describeError(outcome.error, t) }));
      }
    } finally {
      setBusy(false);
    }
  }

  const hint = media ? t('composer.attachHint', { count: media.maxCount, size: formatBytes(media.maxBytes), types: types.map(shortType).join(', ') }) : undefined;
  const full = media !== null && count >= media.maxCount;
  return (
    <>
      <button type="button" className="button button--quiet" disabled={disabled || busy || full} title={hint} onClick={() => input.current?.click()}>
        {t('composer.attachImage')}
      </button>
      <input
        ref={input}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        accept={types.join(',')}
        multiple
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // The same file may be picked again after it was removed.
          event.target.value = '';
          void attach(files);
        }}
      />
    </>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('Unreadable.')));
    reader.onerror = () => reject(reader.error ?? new Error('Unreadable.'));
    reader.readAsDataURL(file);
  });
}
