import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { HintedField } from '../../components/HintedField';
import { Modal } from '../../components/Modal';
import type { Outcome } from '../../store/outcome';
import { parseTags } from './inboxList';
import { useSubmit } from '../../components/useSubmit';

interface TagDialogProps {
  /** Every tag in use in the workspace, suggested as one types. */
  known: string[];
  count: number;
  onAdd(tags: string[]): Promise<Outcome<unknown>>;
  onClose(): void;
}

/**
 * "Add tag": one or more tags (comma separated), the workspace's tags suggested as buttons (not a
 * datalist, which would turn the textbox into a combobox); Enter adds.
 */
export function TagDialog({ known, count, onAdd, onClose }: TagDialogProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onClose);
  const typed = value.split(',').pop()?.trim().toLowerCase() ?? '';
  const suggestions = known.filter((tag) => (typed ? tag.includes(typed) : true)).slice(0, 8);

  function submit(event: FormEvent) {
    event.preventDefault();
    const tags = parseTags(value);
    if (tags.length === 0) {
      setInvalid(t('inbox.tag.required'));
      return;
    }
    setInvalid(null);
    void run(() => onAdd(tags));
  }

  function complete(tag: string) {
    const parts = value.split(',');
    parts[parts.length - 1] = ` ${tag}`;
    setValue(parts.join(',').replace(/^\s+/, ''));
    document.getElementById(inputId)?.focus();
  }

  return (
    <Modal title={t('inbox.tag.title')} onClose={onClose}>
      <form className="modal__form" onSubmit={submit} noValidate>
        <HintedField id={inputId} label={t('inbox.tag.label')} hint={t('inbox.tag.hint', { count })} message={invalid ?? error} invalid={Boolean(invalid)}>
          {(control) => <input {...control} className="field__input" type="text" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} data-autofocus />}
        </HintedField>
        {suggestions.length > 0 && (
          <div className="inbox-suggestions" role="group" aria-label={t('inbox.tag.suggestions')}>
            {suggestions.map((tag) => (
              <button key={tag} type="button" className="inbox-tag inbox-tag--button" onClick={() => complete(tag)}>
                {tag}
              </button>
            ))}
          </div>
        )}
        <FormActions submitLabel={t('inbox.tag.submit')} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
